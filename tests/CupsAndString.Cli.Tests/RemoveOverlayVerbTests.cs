using System.Text.Json;
using CupsAndString.ControlPlane.Tests.Fixtures;
using Xunit;

namespace CupsAndString.Cli.Tests;

/// <summary>'remove overlay' and 'replay' as an operator types them, against a running controller.</summary>
public sealed class RemoveOverlayVerbTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private readonly FixtureCli _cli = new(fixture);

    [Fact]
    public async Task Remove_overlay_frees_the_default_cidr_so_a_new_overlay_can_take_it()
    {
        await _cli.OkAsync("create", "overlay", "leftover");

        var refused = await _cli.RunAsync("create", "overlay", "web");
        var removed = await _cli.OkAsync("remove", "overlay", "leftover");
        await _cli.OkAsync("create", "overlay", "web");
        var listed = await _cli.OkAsync("list", "overlays");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("overlaps overlay 'leftover'", refused.Error, StringComparison.Ordinal);
        Assert.Equal("overlay leftover removed; 10.10.0.0/16 and the name are free\n", removed);
        Assert.Contains("web", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("leftover", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_overlay_with_nodes_needs_force_and_then_reports_them_as_json()
    {
        await _cli.OkAsync("create", "overlay", "crowded", "--cidr", "10.131.0.0/16");
        await _cli.OkAsync("create", "node", "--overlay", "crowded", "--address", "192.0.2.51");

        var refused = await _cli.RunAsync("remove", "overlay", "crowded");
        var removed = JsonDocument.Parse(
            await _cli.OkAsync("remove", "overlay", "crowded", "--force", "--json")).RootElement;

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(
            "cups-and-string remove overlay: overlay 'crowded' still has 1 node, whose agents would stop "
            + "forwarding; remove them with 'cups-and-string remove node --overlay crowded --node N', or "
            + "pass --force to remove the overlay with them\n",
            refused.Error);
        Assert.Equal(("crowded", "10.131.0.0/16", 1), (
            removed.GetProperty("overlay").GetString(),
            removed.GetProperty("cidr").GetString(),
            removed.GetProperty("nodesRemoved").GetInt32()));
    }

    [Fact]
    public async Task A_reserved_cidr_is_refused_with_its_sentence_and_exit_1()
    {
        var run = await _cli.RunAsync("create", "overlay", "loop", "--cidr", "127.0.0.0/8");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "cups-and-string create overlay: 127.0.0.0/8 overlaps 127.0.0.0/8, the loopback range, where "
            + "containers cannot be reached; choose a private range such as 10.10.0.0/16\n",
            run.Error);
    }

    [Fact]
    public async Task Replay_of_one_overlay_speaks_of_one_peer_table_in_the_singular()
    {
        await _cli.OkAsync("create", "overlay", "single", "--cidr", "10.132.0.0/16");
        await _cli.OkAsync("create", "node", "--overlay", "single", "--address", "192.0.2.61");

        var output = await _cli.OkAsync("replay", "--overlay", "single");

        Assert.Equal("replayed 2 events into 1 peer table and republished it\n", output);
    }
}
