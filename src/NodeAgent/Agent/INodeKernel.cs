using System.Net;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// The kernel side of an agent: routes, addresses, sysctls and firewall rules. Implementations
/// reconcile (diff desired against actual, change only the difference), so applying the same
/// state twice changes nothing and a restart leaves no duplicates.
/// </summary>
public interface INodeKernel
{
    /// <summary>The MTU of the device the kernel would use to reach the underlay from this address.</summary>
    int EgressMtu(IPAddress localAddress);

    /// <summary>Makes the kernel match <paramref name="desired"/>; undoes partial work on failure.</summary>
    Task ApplyAsync(NodeKernelState desired, CancellationToken cancellationToken);

    /// <summary>Removes what <see cref="ApplyAsync"/> added for this overlay (on a clean stop).</summary>
    Task RemoveAsync(NodeKernelState applied, CancellationToken cancellationToken);
}
