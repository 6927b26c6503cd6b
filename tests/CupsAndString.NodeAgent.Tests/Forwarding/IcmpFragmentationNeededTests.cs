using System.Buffers.Binary;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Tests.Support;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class IcmpFragmentationNeededTests
{
    private static readonly uint TunAddress = Packets.Ip("10.10.1.0");

    private static (byte[] Message, byte[] Original) Answer(byte[] original)
    {
        Assert.Equal(Ipv4ParseStatus.Valid, Ipv4Header.TryParse(original, out var header));
        var buffer = new byte[IcmpFragmentationNeeded.MaxLength];
        var length = IcmpFragmentationNeeded.Write(original, header, TunAddress, 1464, buffer);
        return (buffer[..length], original);
    }

    [Fact]
    public void The_message_is_an_ipv4_packet_from_the_tun_address_back_to_the_sender()
    {
        var (message, _) = Answer(Packets.Ipv4("10.10.1.2", "10.10.2.3", 1480, dontFragment: true,
            protocol: 6));

        Assert.Equal(Ipv4ParseStatus.Valid, Ipv4Header.TryParse(message, out var header));
        Assert.Equal(new Ipv4Header(20, 56, false, 1, TunAddress, Packets.Ip("10.10.1.2")), header);
        Assert.Equal(56, message.Length);
        Assert.Equal(64, message[Ipv4Header.TtlOffset]);
    }

    [Fact]
    public void The_icmp_header_says_type_3_code_4_with_the_next_hop_mtu()
    {
        var (message, _) = Answer(Packets.Ipv4("10.10.1.2", "10.10.2.3", 1480, dontFragment: true));

        Assert.Equal(3, message[20]);
        Assert.Equal(4, message[21]);
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(24)));
        Assert.Equal(1464, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(26)));
    }

    [Fact]
    public void The_message_quotes_the_original_header_and_its_first_eight_bytes()
    {
        var (message, original) = Answer(Packets.Ipv4("10.10.1.2", "10.10.2.3", 1480, dontFragment: true));

        Assert.Equal(original[..28], message[28..]);
    }

    [Fact]
    public void Both_checksums_verify()
    {
        var (message, _) = Answer(Packets.Ipv4("10.10.1.2", "10.10.2.3", 1480, dontFragment: true));

        Assert.NotEqual(0, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(10)));
        Assert.Equal(0, InternetChecksum.Compute(message.AsSpan(0, 20)));
        Assert.NotEqual(0, BinaryPrimitives.ReadUInt16BigEndian(message.AsSpan(22)));
        Assert.Equal(0, InternetChecksum.Compute(message.AsSpan(20)));
    }

    [Fact]
    public void An_original_with_ip_options_is_quoted_with_its_whole_header()
    {
        var original = Packets.Ipv4("10.10.1.2", "10.10.2.3", 1480, dontFragment: true);
        original[0] = 0x46;

        var (message, _) = Answer(original);

        Assert.Equal(20 + 8 + 24 + 8, message.Length);
        Assert.Equal(original[..32], message[28..]);
        Assert.Equal(0, InternetChecksum.Compute(message.AsSpan(20)));
    }

    [Fact]
    public void An_original_with_less_than_eight_bytes_of_payload_is_quoted_whole()
    {
        var (message, original) = Answer(Packets.Ipv4("10.10.1.2", "10.10.2.3", 3, dontFragment: true));

        Assert.Equal(20 + 8 + 23, message.Length);
        Assert.Equal(original, message[28..]);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(0, true)]
    [InlineData(3, false)]
    [InlineData(11, false)]
    public void Only_icmp_queries_not_icmp_errors_are_answered(byte icmpType, bool expected)
    {
        var original = Packets.Ipv4("10.10.1.2", "10.10.2.3", 1480, dontFragment: true, protocol: 1);
        original[20] = icmpType;
        Ipv4Header.TryParse(original, out var header);

        Assert.Equal(expected, IcmpFragmentationNeeded.MayAnswer(original, header));
    }
}
