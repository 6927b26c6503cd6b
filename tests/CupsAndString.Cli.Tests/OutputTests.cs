using System.Text.Json;
using CupsAndString.ControlPlane.Tests.Fixtures;
using CupsAndString.Contracts;
using Xunit;

namespace CupsAndString.Cli.Tests;

/// <summary>JSON for scripts and rejections, produced against a running controller.</summary>
public sealed class OutputTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private readonly FixtureCli _cli = new(fixture);

    [Fact]
    public async Task Json_output_parses_back_into_the_same_values()
    {
        var created = JsonDocument.Parse(await _cli.OkAsync(
            "create", "overlay", "scripted", "--cidr", "10.121.0.0/16", "--node-prefix", "20", "--json"))
            .RootElement;
        await _cli.OkAsync("create", "node", "--overlay", "scripted", "--address", "192.0.2.21");
        var table = PeerTableFile.Parse(await _cli.OkAsync("show", "overlay", "scripted", "--json"),
            "show overlay");
        var overlays = JsonDocument.Parse(await _cli.OkAsync("list", "overlays", "--json")).RootElement;
        var nodes = JsonDocument.Parse(await _cli.OkAsync("list", "nodes", "--overlay", "scripted",
            "--json")).RootElement;

        Assert.Equal(("scripted", 20, 14), (
            created.GetProperty("name").GetString(),
            created.GetProperty("nodePrefixLength").GetInt32(),
            created.GetProperty("capacity").GetInt32()));
        Assert.Equal(("10.121.0.0/16", 2L), (table.Cidr, table.Version));
        Assert.Equal("10.121.16.0/20", Assert.Single(table.Nodes).Subnet);
        var listed = overlays.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "scripted");
        Assert.Equal(1, listed.GetProperty("nodes").GetInt32());
        var onlyNode = Assert.Single(nodes.EnumerateArray().ToList());
        Assert.Equal("192.0.2.21", onlyNode.GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_rejected_command_prints_the_rule_as_one_line_with_exit_1()
    {
        await _cli.OkAsync("create", "overlay", "first", "--cidr", "10.122.0.0/16");

        var run = await _cli.RunAsync("create", "overlay", "second", "--cidr", "10.122.0.0/20");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "cups-and-string create overlay: 10.122.0.0/20 overlaps overlay 'first' (10.122.0.0/16); "
            + "choose a CIDR outside it\n",
            run.Error);
    }
}
