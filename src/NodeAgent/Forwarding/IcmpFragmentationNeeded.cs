using System.Buffers.Binary;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// Builds the ICMP "destination unreachable, fragmentation needed and DF set" message (type 3,
/// code 4, RFC 792 with the next-hop MTU of RFC 1191) that tells a sender its packet was too big
/// for the overlay, so TCP path MTU discovery shrinks its segments instead of stalling.
/// </summary>
public static class IcmpFragmentationNeeded
{
    public const byte Type = 3;
    public const byte Code = 4;

    /// <summary>ICMP header: type, code, checksum, two unused bytes, next-hop MTU.</summary>
    public const int IcmpHeaderLength = 8;

    /// <summary>How much of the original datagram after its IP header the message quotes.</summary>
    public const int QuotedPayload = 8;

    /// <summary>The largest message: IP header, ICMP header, a 60-byte quoted header and 8 bytes.</summary>
    public const int MaxLength = Ipv4Header.MinimumLength + IcmpHeaderLength + 60 + QuotedPayload;

    private const byte DefaultTtl = 64;
    private const int IcmpChecksumOffset = 2;
    private const int NextHopMtuOffset = 6;

    /// <summary>
    /// True when the rules for ICMP errors allow answering this packet: never about an ICMP
    /// error message (RFC 1122 3.2.2), so two hosts cannot bounce errors forever.
    /// </summary>
    public static bool MayAnswer(ReadOnlySpan<byte> packet, in Ipv4Header header)
    {
        if (header.Protocol != Ipv4Header.IcmpProtocol)
        {
            return true;
        }

        if (packet.Length <= header.HeaderLength)
        {
            return false;
        }

        var icmpType = packet[header.HeaderLength];
        return icmpType is not (3 or 4 or 5 or 11 or 12);
    }

    /// <summary>
    /// Writes the complete IPv4 packet (IP header from <paramref name="source"/> to the original
    /// sender, ICMP header with <paramref name="nextHopMtu"/>, the original IP header and the
    /// first 8 bytes after it) and returns its length.
    /// </summary>
    public static int Write(
        ReadOnlySpan<byte> original,
        in Ipv4Header header,
        uint source,
        int nextHopMtu,
        Span<byte> destination)
    {
        var quoted = header.HeaderLength + Math.Min(QuotedPayload, header.TotalLength - header.HeaderLength);
        var length = Ipv4Header.MinimumLength + IcmpHeaderLength + quoted;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length, nameof(destination));
        var packet = destination[..length];
        packet.Clear();

        // Outer IPv4 header, addressed back to the sender of the oversized packet.
        packet[Ipv4Header.VersionAndIhlOffset] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet[Ipv4Header.TotalLengthOffset..], (ushort)length);
        packet[Ipv4Header.TtlOffset] = DefaultTtl;
        packet[Ipv4Header.ProtocolOffset] = Ipv4Header.IcmpProtocol;
        BinaryPrimitives.WriteUInt32BigEndian(packet[Ipv4Header.SourceOffset..], source);
        BinaryPrimitives.WriteUInt32BigEndian(packet[Ipv4Header.DestinationOffset..], header.Source);
        var ipHeader = packet[..Ipv4Header.MinimumLength];
        BinaryPrimitives.WriteUInt16BigEndian(
            ipHeader[Ipv4Header.ChecksumOffset..],
            InternetChecksum.Compute(ipHeader));

        // ICMP header and the quoted start of the original packet.
        var icmp = packet[Ipv4Header.MinimumLength..];
        icmp[0] = Type;
        icmp[1] = Code;
        BinaryPrimitives.WriteUInt16BigEndian(icmp[NextHopMtuOffset..], (ushort)nextHopMtu);
        original[..quoted].CopyTo(icmp[IcmpHeaderLength..]);
        BinaryPrimitives.WriteUInt16BigEndian(icmp[IcmpChecksumOffset..], InternetChecksum.Compute(icmp));
        return length;
    }
}
