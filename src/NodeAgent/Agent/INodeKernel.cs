using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// The kernel side of an agent: routes, addresses, sysctls and firewall rules. Implementations
/// reconcile (diff desired against actual, change only the difference), so applying the same
/// state twice changes nothing and a restart leaves no duplicates.
/// </summary>
public interface INodeKernel
{
    /// <summary>
    /// The smallest MTU of the devices the kernel would use to reach the other nodes, or null when
    /// this node is alone in the table.
    /// </summary>
    int? EgressMtu(PeerTable table, PeerNode local);

    /// <summary>Makes the kernel match <paramref name="desired"/>; undoes partial work on failure.</summary>
    Task ApplyAsync(NodeKernelState desired, CancellationToken cancellationToken);

    /// <summary>Removes what <see cref="ApplyAsync"/> added for this overlay (on a clean stop).</summary>
    Task RemoveAsync(NodeKernelState applied, CancellationToken cancellationToken);
}
