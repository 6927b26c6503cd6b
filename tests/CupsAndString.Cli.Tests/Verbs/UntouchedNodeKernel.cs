using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;

namespace CupsAndString.Cli.Tests.Verbs;

/// <summary>A node kernel for agent runs that must stop before the kernel is changed.</summary>
internal sealed class UntouchedNodeKernel : INodeKernel
{
    public int Calls { get; private set; }

    public int? EgressMtu(PeerTable table, PeerNode local)
    {
        Calls++;
        return null;
    }

    public Task ApplyAsync(NodeKernelState desired, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(NodeKernelState applied, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.CompletedTask;
    }
}
