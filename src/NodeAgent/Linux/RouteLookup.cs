using System.Net;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>The kernel's answer to "how would you send a packet to this address".</summary>
/// <param name="Destination">The address that was looked up.</param>
/// <param name="LinkIndex">The output interface.</param>
/// <param name="Gateway">The next hop, or null when the destination is on the link.</param>
/// <param name="PreferredSource">The source address the kernel would use.</param>
/// <param name="RouteMtu">The MTU locked on the route itself, or null when the route has none.</param>
public sealed record RouteLookup(
    IPAddress Destination,
    int LinkIndex,
    IPAddress? Gateway,
    IPAddress? PreferredSource,
    int? RouteMtu);
