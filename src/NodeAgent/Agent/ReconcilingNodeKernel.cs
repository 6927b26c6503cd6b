using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Routing;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// The agent's kernel side on a real host: the host state reconciler (TUN link, address, overlay
/// route, sysctls, firewall chain) fed with the state derived from each applied peer table.
/// </summary>
public sealed class ReconcilingNodeKernel(HostStateReconciler reconciler) : INodeKernel
{
    public int? EgressMtu(PeerTable table, PeerNode local) => reconciler.EgressMtu(table, local);

    public Task ApplyAsync(NodeKernelState desired, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        reconciler.Reconcile(HostStateOf(desired));
        return Task.CompletedTask;
    }

    public Task RemoveAsync(NodeKernelState applied, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        reconciler.RemoveAll(HostStateOf(applied));
        return Task.CompletedTask;
    }

    private static DesiredHostState HostStateOf(NodeKernelState state) =>
        DesiredHostState.For(state.Table, state.LocalNode, state.TunName, state.Mtu);
}
