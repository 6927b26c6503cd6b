using CupsAndString.Contracts;

namespace CupsAndString.Commands.Deciding;

/// <summary>
/// IPv4 ranges an overlay may not touch: packets to them never travel between machines as ordinary
/// unicast, so containers addressed inside them could not be reached through a TUN route.
/// </summary>
public static class ReservedRanges
{
    /// <summary>The shortest prefix an overlay may have; a wider one covers much of the Internet.</summary>
    public const int ShortestOverlayPrefix = 8;

    private static readonly (Ipv4Prefix Range, string What)[] Ranges =
    [
        (Ipv4Prefix.Parse("0.0.0.0/8"), "0.0.0.0/8, which names no host"),
        (Ipv4Prefix.Parse("127.0.0.0/8"), "127.0.0.0/8, the loopback range"),
        (Ipv4Prefix.Parse("169.254.0.0/16"), "169.254.0.0/16, the link-local range"),
        (Ipv4Prefix.Parse("224.0.0.0/4"), "224.0.0.0/4, the multicast range"),
        (Ipv4Prefix.Parse("240.0.0.0/4"), "240.0.0.0/4, the reserved range with the broadcast address"),
    ];

    /// <summary>The reserved range the CIDR overlaps, described for the operator; null when none.</summary>
    public static string? Overlapped(Ipv4Prefix cidr) =>
        Ranges.Where(r => r.Range.Overlaps(cidr)).Select(r => r.What).FirstOrDefault();
}
