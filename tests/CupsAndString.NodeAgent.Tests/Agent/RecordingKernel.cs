using System.Collections.Concurrent;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;

namespace CupsAndString.NodeAgent.Tests.Agent;

/// <summary>A kernel side that records what the agent asked for instead of changing routes.</summary>
public sealed class RecordingKernel(int egressMtu = 1500) : INodeKernel
{
    public ConcurrentQueue<NodeKernelState> Applied { get; } = new();

    public ConcurrentQueue<NodeKernelState> Removed { get; } = new();

    public int? EgressMtu(PeerTable table, PeerNode local) => egressMtu;

    public Task ApplyAsync(NodeKernelState desired, CancellationToken cancellationToken)
    {
        Applied.Enqueue(desired);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(NodeKernelState applied, CancellationToken cancellationToken)
    {
        Removed.Enqueue(applied);
        return Task.CompletedTask;
    }
}
