using System.Net;
using CupsAndString.Contracts;

namespace CupsAndString.Lab;

/// <summary>
/// The address plan of a lab. The underlay and the management link use the documentation ranges
/// (RFC 5737), which never appear on a real network, so a lab cannot collide with one.
/// </summary>
public static class LabAddresses
{
    /// <summary>The underlay: host N is 192.0.2.(10+N).</summary>
    public static Ipv4Prefix Underlay { get; } = Ipv4Prefix.Parse("192.0.2.0/24");

    /// <summary>The management link: the root namespace is .1, host N is .(10+N).</summary>
    public static Ipv4Prefix Management { get; } = Ipv4Prefix.Parse("198.51.100.0/24");

    /// <summary>The overlay the lab's host bridges are carved from unless told otherwise.</summary>
    public static Ipv4Prefix Overlay { get; } = Ipv4Prefix.Parse(OverlayDefaults.Cidr);

    /// <summary>The root namespace's address on the management link, where the broker is reached.</summary>
    public static IPAddress ManagementRoot => Management.AddressAt(1);

    public static IPAddress UnderlayHost(int host) => Underlay.AddressAt((uint)(10 + host));

    public static IPAddress ManagementHost(int host) => Management.AddressAt((uint)(10 + host));

    /// <summary>Host N's container subnet in the default plan: the Nth /24 of the overlay.</summary>
    public static Ipv4Prefix HostSubnet(int host) =>
        Overlay.Subnet(OverlayDefaults.NodePrefixLength, (ulong)host);
}
