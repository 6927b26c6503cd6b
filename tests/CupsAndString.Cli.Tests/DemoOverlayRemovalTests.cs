using CupsAndString.Cli.Verbs;
using CupsAndString.ControlPlane.Tests.Fixtures;
using Xunit;

namespace CupsAndString.Cli.Tests;

/// <summary>The control-plane half of 'demo down', against a running controller and against none.</summary>
public sealed class DemoOverlayRemovalTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private readonly FixtureCli _cli = new(fixture);

    private static async Task<string> RemoveAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), new StringReader(""), isInteractive: false,
            environment);
        await DemoOverlayRemoval.RemoveAsync(context, null, null, CancellationToken.None);
        return output.ToString();
    }

    [Fact]
    public async Task The_demo_overlay_is_removed_with_its_nodes_and_a_second_run_finds_none()
    {
        await _cli.OkAsync("create", "overlay", "demo", "--cidr", "10.141.0.0/16");
        await _cli.OkAsync("create", "node", "--overlay", "demo", "--address", "192.0.2.71");

        var first = await RemoveAsync(_cli.Environment());
        var second = await RemoveAsync(_cli.Environment());
        var listed = await _cli.OkAsync("list", "overlays");

        Assert.Equal("removed the overlay 'demo' from the control plane\n", first);
        Assert.Equal("the control plane holds no overlay 'demo'\n", second);
        Assert.DoesNotContain("demo", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_broker_answering_it_says_the_overlay_may_remain_without_failing()
    {
        var port = LoopbackPorts.Unused();
        var started = DateTime.UtcNow;

        var output = await RemoveAsync(new Dictionary<string, string?>
        {
            ["CUPS_AND_STRING_BROKER"] = $"amqp://127.0.0.1:{port}/",
        });

        Assert.StartsWith("the control plane did not answer, so the overlay 'demo' may remain (", output,
            StringComparison.Ordinal);
        Assert.EndsWith("remove it later with 'cups-and-string remove overlay demo --force'\n", output,
            StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "took too long");
    }

    [Fact]
    public async Task A_broker_flag_that_is_not_amqp_is_reported_and_the_removal_goes_on()
    {
        var output = new StringWriter();
        var context = new CliContext(output, new StringWriter(), new StringReader(""), isInteractive: false,
            new Dictionary<string, string?>());

        await DemoOverlayRemoval.RemoveAsync(context, "http://127.0.0.1:1/", null, CancellationToken.None);

        Assert.Equal(
            "the control plane did not answer, so the overlay 'demo' may remain (--broker: "
                + "'http://127.0.0.1:1/' is not a broker address; write it as "
                + "amqp://user:password@host:port/vhost); remove it later with "
                + "'cups-and-string remove overlay demo --force'\n",
            output.ToString());
    }
}
