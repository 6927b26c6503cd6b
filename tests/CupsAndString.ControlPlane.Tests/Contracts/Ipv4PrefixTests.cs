using CupsAndString.Contracts;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.Contracts;

public sealed class Ipv4PrefixTests
{
    [Theory]
    [InlineData("10.10.0.0/16", "10.10.0.0/16", 16)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", 0)]
    [InlineData("192.0.2.7/32", "192.0.2.7/32", 32)]
    public void A_valid_cidr_parses_and_prints_back(string text, string printed, int length)
    {
        var prefix = Ipv4Prefix.Parse(text);

        Assert.Equal(printed, prefix.ToString());
        Assert.Equal(length, prefix.Length);
    }

    [Theory]
    [InlineData("", "a CIDR such as 10.10.0.0/16 is required")]
    [InlineData("10.10.0.0", "'10.10.0.0' has no prefix length; write it as address/length, e.g. "
        + "10.10.0.0/16")]
    [InlineData("10.10.0/16", "'10.10.0/16' is not an IPv4 CIDR; write it as address/length, e.g. "
        + "10.10.0.0/16")]
    [InlineData("10.10.0.0/33", "'10.10.0.0/33' has prefix length '33'; it must be a number from 0 to 32")]
    [InlineData("10.10.0.0/-1", "'10.10.0.0/-1' has prefix length '-1'; it must be a number from 0 to 32")]
    [InlineData("10.10.1.0/16", "'10.10.1.0/16' has host bits set; did you mean 10.10.0.0/16?")]
    public void An_invalid_cidr_is_refused_with_a_sentence(string text, string error)
    {
        Assert.False(Ipv4Prefix.TryParse(text, out _, out var problem));
        Assert.Equal(error, problem);
    }

    [Theory]
    [InlineData("10.10.0.0/16", "10.10.255.255", true)]
    [InlineData("10.10.0.0/16", "10.11.0.0", false)]
    [InlineData("10.10.3.0/24", "10.10.3.9", true)]
    public void Contains_tests_membership(string cidr, string address, bool expected)
    {
        Assert.True(Ipv4Prefix.TryParseAddress(address, out var value));
        Assert.Equal(expected, Ipv4Prefix.Parse(cidr).Contains(value));
    }

    [Theory]
    [InlineData("10.10.0.0/16", "10.10.5.0/24", true)]
    [InlineData("10.10.0.0/16", "10.0.0.0/8", true)]
    [InlineData("10.10.0.0/16", "10.11.0.0/16", false)]
    public void Overlaps_is_true_when_either_contains_the_other(string a, string b, bool expected)
    {
        Assert.Equal(expected, Ipv4Prefix.Parse(a).Overlaps(Ipv4Prefix.Parse(b)));
        Assert.Equal(expected, Ipv4Prefix.Parse(b).Overlaps(Ipv4Prefix.Parse(a)));
    }

    [Fact]
    public void Subnet_n_of_a_16_split_into_24s_has_n_as_its_third_byte()
    {
        var overlay = Ipv4Prefix.Parse("10.10.0.0/16");

        Assert.Equal(256UL, overlay.SubnetCount(24));
        Assert.Equal("10.10.7.0/24", overlay.Subnet(24, 7).ToString());
        Assert.Equal("10.10.7.1", overlay.Subnet(24, 7).AddressAt(1).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => overlay.Subnet(24, 256));
    }

    [Theory]
    [InlineData("10.10.0.0/16", 24, 254)]
    [InlineData("10.10.0.0/22", 24, 2)]
    [InlineData("10.10.0.0/23", 24, 0)]
    [InlineData("10.10.0.0/24", 24, 0)]
    public void Capacity_is_the_subnet_count_less_the_first_and_the_last(string cidr, int nodePrefix,
        int expected)
    {
        Assert.Equal(expected, OverlayCapacity.Of(Ipv4Prefix.Parse(cidr), nodePrefix));
    }

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("192.0.2", false)]
    [InlineData("192.0.2.256", false)]
    [InlineData("192.0.2.050", false)]
    [InlineData("192.0.2.0", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("192.0.2.1.", false)]
    [InlineData(".192.0.2.1", false)]
    [InlineData("192..2.1", false)]
    [InlineData("192.0.2.1 ", false)]
    [InlineData("0x7f.0.0.1", false)]
    [InlineData("1000.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData(null, false)]
    public void Only_dotted_quads_parse_as_addresses(string? text, bool expected)
    {
        Assert.Equal(expected, Ipv4Prefix.TryParseAddress(text, out _));
    }

    [Fact]
    public void A_dotted_quad_parses_to_its_host_order_value()
    {
        Assert.True(Ipv4Prefix.TryParseAddress("192.0.2.10", out var address));

        Assert.Equal(0xC000020Au, address);
    }
}
