using CupsAndString.NodeAgent.Forwarding;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class InternetChecksumTests
{
    [Fact]
    public void A_well_known_ipv4_header_sums_to_its_published_checksum()
    {
        byte[] header =
        [
            0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
            0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
        ];

        Assert.Equal(0xb861, InternetChecksum.Compute(header));
    }

    [Fact]
    public void A_header_holding_its_checksum_sums_to_zero()
    {
        byte[] header =
        [
            0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
            0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
        ];

        Assert.Equal(0, InternetChecksum.Compute(header));
    }

    [Fact]
    public void An_odd_length_is_padded_with_a_zero_byte()
    {
        Assert.Equal(InternetChecksum.Compute([0x12, 0x34, 0x56, 0x00]), InternetChecksum.Compute([0x12,
            0x34, 0x56]));
    }
}
