using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>
/// What the host must look like for one overlay: the TUN up with its MTU and address, the overlay
/// routed into the TUN, forwarding on, reverse-path filtering loose and IPv6 off on the TUN (so the
/// kernel sends no router solicitations or MLD reports into it), and a firewall chain that lets
/// overlay traffic through FORWARD.
/// </summary>
/// <param name="Overlay">The overlay's name, for log lines.</param>
/// <param name="TunName">The TUN interface the forwarder owns.</param>
/// <param name="Mtu">The TUN's MTU.</param>
/// <param name="TunAddress">The TUN's address: the local subnet's network address, as a /32, so
/// traffic the host itself sends into the overlay has a source inside its own subnet.</param>
/// <param name="OverlayRoutes">The prefixes routed into the TUN (the overlay CIDR).</param>
/// <param name="Sysctls">Kernel settings and the values they must have.</param>
/// <param name="FirewallChain">The name of the agent's own chain.</param>
public sealed record DesiredHostState(
    string Overlay,
    string TunName,
    int Mtu,
    IPAddress TunAddress,
    IReadOnlyList<Ipv4Prefix> OverlayRoutes,
    IReadOnlyList<KeyValuePair<Sysctl, string>> Sysctls,
    string FirewallChain)
{
    /// <summary>Loose reverse-path filtering (RFC 3704): accept when any route leads back.</summary>
    public const string LooseRpFilter = "2";

    /// <summary>The value of disable_ipv6 that switches IPv6 off on an interface.</summary>
    public const string Ipv6Off = "1";

    /// <summary>Builds the desired state from a peer table and the node this agent runs as.</summary>
    public static DesiredHostState For(PeerTable table, PeerNode local, string tunName, int mtu)
    {
        var overlay = ParsePrefix(table.Cidr, $"overlay {table.Overlay}");
        var subnet = ParsePrefix(local.Subnet, $"node {local.Number}");
        if (!overlay.Contains(subnet.Network) || subnet.Length < overlay.Length)
        {
            throw new ArgumentException(
                $"node {local.Number}'s subnet {subnet} is not inside overlay {table.Overlay} ({overlay})");
        }

        return For(table.Overlay, overlay, subnet, tunName, mtu);
    }

    /// <summary>Builds the desired state from the overlay's CIDR and the local node's subnet.</summary>
    public static DesiredHostState For(
        string overlayName,
        Ipv4Prefix overlay,
        Ipv4Prefix subnet,
        string tunName,
        int mtu)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mtu, OverlayMtu.Minimum);
        if (!overlay.Contains(subnet.Network) || subnet.Length < overlay.Length)
        {
            throw new ArgumentException(
                $"subnet {subnet} is not inside overlay {overlayName} ({overlay})");
        }

        return new DesiredHostState(
            overlayName,
            tunName,
            mtu,
            subnet.Address,
            [overlay],
            [
                new(Sysctl.IpForward, "1"),
                new(Sysctl.RpFilter(tunName), LooseRpFilter),
                new(Sysctl.DisableIpv6(tunName), Ipv6Off),
            ],
            IptablesFirewall.ChainFor(tunName));
    }

    private static Ipv4Prefix ParsePrefix(string text, string owner) =>
        Ipv4Prefix.TryParse(text, out var prefix, out var error)
            ? prefix
            : throw new ArgumentException($"{owner} has an unusable subnet: {error}");
}
