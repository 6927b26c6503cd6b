using CupsAndString.NodeAgent.Linux;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Linux;

public sealed class TunDeviceNameTests
{
    [Theory]
    [InlineData("web", "cas-web")]
    [InlineData("a", "cas-a")]
    [InlineData("eleven-char", "cas-eleven-char")]
    public void A_short_overlay_name_is_prefixed_with_cas(string overlay, string expected)
    {
        Assert.Equal(expected, TunDeviceName.For(overlay));
    }

    [Theory]
    [InlineData("twelve-chars")]
    [InlineData("a-very-long-overlay-name-of-32-c")]
    public void A_long_overlay_name_is_shortened_to_fifteen_characters_with_a_hash(string overlay)
    {
        var name = TunDeviceName.For(overlay);

        Assert.Equal(15, name.Length);
        Assert.StartsWith("cas-" + overlay[..5] + "-", name, StringComparison.Ordinal);
        Assert.Matches("^cas-.{5}-[0-9a-f]{5}$", name);
    }

    [Fact]
    public void Two_long_names_with_the_same_start_get_different_devices()
    {
        Assert.NotEqual(TunDeviceName.For("production-east"), TunDeviceName.For("production-west"));
    }

    [Fact]
    public void The_shortened_name_is_stable_across_calls_and_processes()
    {
        Assert.Equal(TunDeviceName.For("production-east"), TunDeviceName.For("production-east"));
        Assert.Matches("^cas-produ-[0-9a-f]{5}$", TunDeviceName.For("production-east"));
    }
}
