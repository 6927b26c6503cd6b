using System.Buffers.Binary;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Tests.Support;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class Ipv4HeaderTests
{
    [Fact]
    public void A_valid_packet_gives_its_lengths_flags_protocol_and_addresses()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: 30, dontFragment: true,
            protocol: 6);

        var status = Ipv4Header.TryParse(packet, out var header);

        Assert.Equal(Ipv4ParseStatus.Valid, status);
        Assert.Equal(new Ipv4Header(20, 50, true, 6, Packets.Ip("10.10.1.2"), Packets.Ip("10.10.2.3")),
            header);
    }

    [Fact]
    public void Trailing_bytes_after_the_total_length_are_allowed_and_not_counted()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: 10);
        var padded = packet.Concat(new byte[6]).ToArray();

        Ipv4Header.TryParse(padded, out var header);

        Assert.Equal(30, header.TotalLength);
    }

    [Fact]
    public void Options_make_the_header_longer()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: 12);
        packet[0] = 0x46;

        Ipv4Header.TryParse(packet, out var header);

        Assert.Equal(24, header.HeaderLength);
    }

    public static TheoryData<string, byte[], Ipv4ParseStatus> BadPackets()
    {
        var good = Packets.Ipv4("10.10.1.2", "10.10.2.3", payloadLength: 8);
        byte[] With(int offset, params byte[] bytes)
        {
            var copy = (byte[])good.Clone();
            bytes.CopyTo(copy, offset);
            return copy;
        }

        return new TheoryData<string, byte[], Ipv4ParseStatus>
        {
            { "empty", [], Ipv4ParseStatus.Truncated },
            { "one byte", [0x45], Ipv4ParseStatus.Truncated },
            { "19 bytes", good[..19], Ipv4ParseStatus.Truncated },
            { "IPv6", Packets.Ipv6(), Ipv4ParseStatus.Ipv6 },
            { "version 5", With(0, 0x55), Ipv4ParseStatus.UnknownVersion },
            { "version 0", [0x00], Ipv4ParseStatus.UnknownVersion },
            { "IHL 4", With(0, 0x44), Ipv4ParseStatus.BadHeaderLength },
            { "IHL 15 in 28 bytes", With(0, 0x4F), Ipv4ParseStatus.Truncated },
            { "total length 19", With(2, 0x00, 19), Ipv4ParseStatus.BadTotalLength },
            { "total length beyond the buffer", With(2, 0x00, 29), Ipv4ParseStatus.BadTotalLength },
        };
    }

    [Theory]
    [MemberData(nameof(BadPackets))]
    public void A_bad_packet_gives_a_status_instead_of_an_exception(
        string name,
        byte[] packet,
        Ipv4ParseStatus expected)
    {
        Assert.NotNull(name);
        Assert.Equal(expected, Ipv4Header.TryParse(packet, out _));
    }

    [Fact]
    public void The_more_fragments_bit_alone_does_not_read_as_dont_fragment()
    {
        var packet = Packets.Ipv4("10.10.1.2", "10.10.2.3");
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), 0x2000);

        Ipv4Header.TryParse(packet, out var header);

        Assert.False(header.DontFragment);
    }
}
