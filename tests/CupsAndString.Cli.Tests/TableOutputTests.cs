using System.Text.Json;
using CupsAndString.ControlPlane.Tests.Fixtures;
using Xunit;

namespace CupsAndString.Cli.Tests;

/// <summary>
/// Tables for people, against a controller of its own so no other overlay widens the columns.
/// </summary>
public sealed class TableOutputTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private readonly FixtureCli _cli = new(fixture);

    [Fact]
    public async Task Create_list_and_show_print_aligned_tables_and_sentences()
    {
        var created = await _cli.OkAsync("create", "overlay", "tables", "--cidr", "10.120.0.0/16", "--port",
            "9000");
        var node = JsonDocument.Parse(await _cli.OkAsync(
            "create", "node", "--overlay", "tables", "--address", "192.0.2.11", "--json")).RootElement;
        var again = await _cli.OkAsync("create", "node", "--overlay", "tables", "--address", "192.0.2.11");
        var id = node.GetProperty("nodeId").GetString();
        var overlays = await _cli.OkAsync("list", "overlays");
        var nodes = await _cli.OkAsync("list", "nodes", "--overlay", "tables");
        var shown = await _cli.OkAsync("show", "overlay", "tables");
        var removed = await _cli.OkAsync("remove", "node", "--overlay", "tables", "--node", "192.0.2.11");
        var empty = await _cli.OkAsync("list", "nodes", "--overlay", "tables");

        Assert.Equal("created overlay tables: id 1, 10.120.0.0/16, /24 per node (up to 254 nodes), UDP port "
            + "9000\n", created);
        Assert.Equal(1, node.GetProperty("number").GetInt32());
        Assert.Equal($"192.0.2.11 is already node 1 of overlay tables (subnet 10.120.1.0/24, id "
            + $"{id})\n", again);
        Assert.Equal(
            "NAME    ID  CIDR           NODE PREFIX  PORT  NODES  VERSION\n"
            + "tables  1   10.120.0.0/16  /24          9000  1/254  2\n",
            overlays);
        Assert.Equal(
            "NUMBER  ADDRESS     SUBNET         ID\n"
            + $"1       192.0.2.11  10.120.1.0/24  {id}\n",
            nodes);
        Assert.Equal(
            "overlay      tables\nid           1\ncidr         10.120.0.0/16\nnode prefix  /24\nport         "
                + "9000\nnodes        1 of 254\nversion      2\n\n" + nodes,
            shown);
        Assert.Equal("node 1 (192.0.2.11) left overlay tables\n", removed);
        Assert.Equal(
            "overlay tables has no nodes yet; add one with "
            + "'cups-and-string create node --overlay tables --address IPV4'\n",
            empty);
    }
}
