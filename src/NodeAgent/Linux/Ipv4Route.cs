using System.Net;
using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// An IPv4 unicast route: a destination prefix reached through a device, a gateway, or both.
/// Two routes are the same kernel route when destination, table and metric agree; the other
/// fields are what a replace changes.
/// </summary>
/// <param name="Destination">The destination prefix (0.0.0.0/0 for a default route).</param>
/// <param name="Gateway">The next hop, or null for a route straight onto the device.</param>
/// <param name="LinkIndex">The output interface index, or 0 to let the kernel choose by gateway.</param>
/// <param name="Protocol">Who installed the route; the agent marks its own with
/// <see cref="RouteProtocols.Agent"/>.</param>
/// <param name="Table">The routing table, the main table by default.</param>
/// <param name="Metric">The route priority, or 0 for none.</param>
/// <param name="PreferredSource">The source address the host uses for traffic on this route.</param>
public sealed record Ipv4Route(
    Ipv4Prefix Destination,
    IPAddress? Gateway,
    int LinkIndex,
    byte Protocol = RouteProtocols.Agent,
    uint Table = RouteProtocols.MainTable,
    uint Metric = 0,
    IPAddress? PreferredSource = null)
{
    public override string ToString()
    {
        var via = Gateway is null ? string.Empty : $" via {Gateway}";
        var dev = LinkIndex == 0 ? string.Empty : $" dev #{LinkIndex}";
        var src = PreferredSource is null ? string.Empty : $" src {PreferredSource}";
        return $"{Destination}{via}{dev}{src} proto {Protocol} table {Table}"
            + (Metric == 0 ? string.Empty : $" metric {Metric}");
    }
}
