using CupsAndString.NodeAgent.Linux;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Linux;

public sealed class NetworkNamespaceNameTests
{
    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("../etc")]
    public void A_name_that_is_not_a_plain_file_name_is_refused_before_any_system_call(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkNamespace.PathOf(name));

        Assert.Contains("is not a usable network namespace name", error.Message);
    }

    [Fact]
    public void A_plain_name_lives_under_run_netns()
    {
        Assert.Equal("/run/netns/cas-h1", NetworkNamespace.PathOf("cas-h1"));
    }
}
