using System.Buffers.Binary;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// The fields of an IPv4 header the forwarder needs. Addresses are host-order integers, the form
/// <see cref="Contracts.Ipv4Prefix"/> tests membership with.
/// </summary>
public readonly record struct Ipv4Header(
    int HeaderLength,
    int TotalLength,
    bool DontFragment,
    byte Protocol,
    uint Source,
    uint Destination)
{
    public const int MinimumLength = 20;
    public const byte IcmpProtocol = 1;

    public const int VersionAndIhlOffset = 0;
    public const int TotalLengthOffset = 2;
    public const int FlagsAndFragmentOffset = 6;
    public const int TtlOffset = 8;
    public const int ProtocolOffset = 9;
    public const int ChecksumOffset = 10;
    public const int SourceOffset = 12;
    public const int DestinationOffset = 16;

    private const ushort DontFragmentBit = 0x4000;

    /// <summary>
    /// Parses the header at the start of <paramref name="packet"/>. Every read is preceded by a
    /// length check; bad input gives a status, never an exception.
    /// </summary>
    public static Ipv4ParseStatus TryParse(ReadOnlySpan<byte> packet, out Ipv4Header header)
    {
        header = default;

        // Version: the one byte every IP packet has.
        if (packet.Length < 1)
        {
            return Ipv4ParseStatus.Truncated;
        }

        var version = packet[VersionAndIhlOffset] >> 4;
        if (version == 6)
        {
            return Ipv4ParseStatus.Ipv6;
        }

        if (version != 4)
        {
            return Ipv4ParseStatus.UnknownVersion;
        }

        // Fixed part of the header.
        if (packet.Length < MinimumLength)
        {
            return Ipv4ParseStatus.Truncated;
        }

        var headerLength = (packet[VersionAndIhlOffset] & 0x0F) * 4;
        if (headerLength < MinimumLength)
        {
            return Ipv4ParseStatus.BadHeaderLength;
        }

        if (headerLength > packet.Length)
        {
            return Ipv4ParseStatus.Truncated;
        }

        // Total length: within what arrived and at least the header.
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[TotalLengthOffset..]);
        if (totalLength < headerLength || totalLength > packet.Length)
        {
            return Ipv4ParseStatus.BadTotalLength;
        }

        var fragmentField = BinaryPrimitives.ReadUInt16BigEndian(packet[FlagsAndFragmentOffset..]);
        header = new Ipv4Header(
            headerLength,
            totalLength,
            (fragmentField & DontFragmentBit) != 0,
            packet[ProtocolOffset],
            BinaryPrimitives.ReadUInt32BigEndian(packet[SourceOffset..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[DestinationOffset..]));
        return Ipv4ParseStatus.Valid;
    }
}
