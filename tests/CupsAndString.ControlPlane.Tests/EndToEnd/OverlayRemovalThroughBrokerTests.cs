using CupsAndString.Cli.ControlPlane;
using CupsAndString.Commands.Deciding;
using CupsAndString.ControlPlane.Tests.Fixtures;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using CupsAndString.NodeAgent.ControlPlane;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.EndToEnd;

/// <summary>Removing overlays, and refusing unusable CIDRs, through RabbitMQ and PostgreSQL.</summary>
public sealed class OverlayRemovalThroughBrokerTests(ControlPlaneFixture fixture)
    : IClassFixture<ControlPlaneFixture>, IAsyncLifetime, IDisposable
{
    private static readonly BrokerPeerTableSourceOptions Quick = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(5),
        StartTimeout = TimeSpan.FromSeconds(2),
    };

    private readonly string _stateDirectory =
        Directory.CreateTempSubdirectory("cas-removal-state-").FullName;
    private ControlPlaneClient _client = null!;

    public async Task InitializeAsync() => _client = await fixture.ConnectAsync();

    public async Task DisposeAsync() => await _client.DisposeAsync();

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    private async Task<TReply> AcceptedAsync<TRequest, TReply>(TRequest request)
        where TRequest : class
        where TReply : class
    {
        var (reply, rejection) = await _client.RequestAsync<TRequest, TReply>(
            request, CancellationToken.None);
        Assert.Null(rejection);
        return reply!;
    }

    private async Task<CommandRejected> RejectedAsync<TRequest, TReply>(TRequest request)
        where TRequest : class
        where TReply : class
    {
        var (reply, rejection) = await _client.RequestAsync<TRequest, TReply>(
            request, CancellationToken.None);
        Assert.Null(reply);
        return Assert.IsType<CommandRejected>(rejection);
    }

    private static async Task<PeerTable> NextAsync(IAsyncEnumerator<PeerTable> tables, TimeSpan timeout)
    {
        var move = tables.MoveNextAsync().AsTask();
        Assert.Same(move, await Task.WhenAny(move, Task.Delay(timeout)));
        Assert.True(await move);
        return tables.Current;
    }

    private Task<OverlayAccepted> CreateAsync(string name, string cidr) =>
        AcceptedAsync<CreateOverlay, OverlayAccepted>(new CreateOverlay(name, cidr, null, null));

    private async Task<IReadOnlyList<string>> ListedAsync()
    {
        var list = await AcceptedAsync<ListOverlays, OverlayList>(new ListOverlays());
        return [.. list.Overlays.Select(o => o.Name)];
    }

    [Fact]
    public async Task An_empty_overlay_is_removed_and_its_name_and_cidr_can_be_created_again()
    {
        var first = await CreateAsync("again", "10.60.0.0/16");

        var removed = await AcceptedAsync<RemoveOverlay, OverlayRemovalAccepted>(
            new RemoveOverlay("again", Force: false));
        var listedAfterRemoval = await ListedAsync();
        var lookup = await RejectedAsync<GetPeerTable, PeerTableSnapshot>(new GetPeerTable("again"));
        var overlapping = await CreateAsync("other", "10.60.0.0/17");
        await AcceptedAsync<RemoveOverlay, OverlayRemovalAccepted>(new RemoveOverlay("other", false));
        var second = await CreateAsync("again", "10.60.0.0/16");
        var snapshot = await AcceptedAsync<GetPeerTable, PeerTableSnapshot>(new GetPeerTable("again"));

        Assert.Equal(new OverlayRemovalAccepted("again", first.OverlayId, "10.60.0.0/16", 0), removed);
        Assert.DoesNotContain("again", listedAfterRemoval);
        Assert.Equal(Rules.OverlayUnknown, lookup.Rule);
        Assert.Equal("10.60.0.0/17", overlapping.Cidr);
        Assert.Equal("10.60.0.0/16", second.Cidr);
        Assert.Contains("again", await ListedAsync());
        Assert.Equal(3, snapshot.Table.Version);
        Assert.Empty(snapshot.Table.Nodes);
        await using var session = fixture.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(StreamKeys.Overlay("again"));
        Assert.Equal(
            [typeof(OverlayCreated), typeof(OverlayRemoved), typeof(OverlayCreated)],
            stream.Select(e => e.Data.GetType()));
    }

    [Fact]
    public async Task An_overlay_with_nodes_is_refused_without_force_and_removed_with_it()
    {
        await CreateAsync("busy", "10.61.0.0/16");
        await AcceptedAsync<AddNode, NodeAccepted>(new AddNode("busy", "192.0.2.21"));
        await AcceptedAsync<AddNode, NodeAccepted>(new AddNode("busy", "192.0.2.22"));

        var refused = await RejectedAsync<RemoveOverlay, OverlayRemovalAccepted>(
            new RemoveOverlay("busy", false));
        var stillListed = await ListedAsync();
        var removed = await AcceptedAsync<RemoveOverlay, OverlayRemovalAccepted>(
            new RemoveOverlay("busy", true));
        var addAfter = await RejectedAsync<AddNode, NodeAccepted>(new AddNode("busy", "192.0.2.23"));

        Assert.Equal(Rules.OverlayHasNodes, refused.Rule);
        Assert.Contains("overlay 'busy' still has 2 nodes", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("busy", stillListed);
        Assert.Equal(2, removed.NodesRemoved);
        Assert.DoesNotContain("busy", await ListedAsync());
        Assert.Equal(Rules.OverlayUnknown, addAfter.Rule);
    }

    [Fact]
    public async Task Removing_an_unknown_overlay_is_rejected_as_unknown()
    {
        var rejected = await RejectedAsync<RemoveOverlay, OverlayRemovalAccepted>(
            new RemoveOverlay("never-was", true));

        Assert.Equal(Rules.OverlayUnknown, rejected.Rule);
        Assert.Contains("there is no overlay named 'never-was'", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_after_a_removal_rebuilds_only_the_live_overlays()
    {
        await CreateAsync("kept", "10.62.0.0/16");
        await CreateAsync("dropped", "10.63.0.0/16");
        await AcceptedAsync<AddNode, NodeAccepted>(new AddNode("kept", "192.0.2.31"));
        await AcceptedAsync<RemoveOverlay, OverlayRemovalAccepted>(new RemoveOverlay("dropped", false));
        var before = await AcceptedAsync<GetPeerTable, PeerTableSnapshot>(new GetPeerTable("kept"));

        var done = await AcceptedAsync<Replay, ReplayCompleted>(new Replay(null));
        var dropped = await RejectedAsync<Replay, ReplayCompleted>(new Replay("dropped"));
        var after = await AcceptedAsync<GetPeerTable, PeerTableSnapshot>(new GetPeerTable("kept"));
        var listed = await ListedAsync();

        Assert.DoesNotContain("dropped", listed);
        Assert.Contains("kept", listed);
        Assert.Equal(listed.Count, done.Overlays);
        Assert.Equal(Rules.OverlayUnknown, dropped.Rule);
        Assert.Equal(PeerTableFile.Serialize(before.Table), PeerTableFile.Serialize(after.Table));
    }

    [Fact]
    public async Task An_agent_source_sees_the_removal_as_an_empty_newer_table()
    {
        await CreateAsync("leaving", "10.64.0.0/16");
        await AcceptedAsync<AddNode, NodeAccepted>(new AddNode("leaving", "192.0.2.41"));
        await using var agent = AgentControlPlane.Start(fixture.Bus, "leaving", _stateDirectory,
            TestLogging.Factory, Quick);
        await using var tables = agent.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();
        var before = await NextAsync(tables, TimeSpan.FromSeconds(20));

        await AcceptedAsync<RemoveOverlay, OverlayRemovalAccepted>(new RemoveOverlay("leaving", true));
        var after = await NextAsync(tables, TimeSpan.FromSeconds(20));

        Assert.Equal((2L, 1), (before.Version, before.Nodes.Count));
        Assert.Equal(3, after.Version);
        Assert.Empty(after.Nodes);
        Assert.Empty(PeerTableFile.Read(agent.Source.CachePath).Nodes);
    }

    [Fact]
    public async Task A_removal_racing_an_added_node_never_lets_both_win()
    {
        await using var other = await fixture.ConnectAsync();
        var outcomes = new List<(bool Removed, bool Added)>();
        for (var i = 0; i < 8; i++)
        {
            var name = $"race-{i}";
            await CreateAsync(name, $"10.{70 + i}.0.0/16");

            var remove = _client.RequestAsync<RemoveOverlay, OverlayRemovalAccepted>(
                new RemoveOverlay(name, Force: false), CancellationToken.None);
            var add = other.RequestAsync<AddNode, NodeAccepted>(
                new AddNode(name, "192.0.2.80"), CancellationToken.None);
            var (removed, removeRejection) = await remove;
            var (added, addRejection) = await add;

            // The loser saw the winner: an add after the removal finds no overlay, a removal after
            // the add finds a node.
            Assert.Equal(removed is null ? Rules.OverlayHasNodes : Rules.OverlayUnknown,
                (removed is null ? removeRejection : addRejection)?.Rule);
            var listed = await ListedAsync();
            Assert.Equal(removed is null, listed.Contains(name));
            outcomes.Add((removed is not null, added is not null));
        }

        Assert.All(outcomes, o =>
            Assert.True(o.Removed != o.Added, $"removed {o.Removed}, added {o.Added}"));
    }

    [Theory]
    [InlineData("0.0.0.0/0", Rules.CidrTooWide, "0.0.0.0/0 is wider than /8")]
    [InlineData("127.0.0.0/8", Rules.CidrReserved, "overlaps 127.0.0.0/8, the loopback range")]
    [InlineData("224.0.0.0/8", Rules.CidrReserved, "overlaps 224.0.0.0/4, the multicast range")]
    [InlineData("255.255.0.0/16", Rules.CidrReserved, "overlaps 240.0.0.0/4, the reserved range")]
    public async Task A_reserved_or_too_wide_cidr_is_refused_with_its_rule_and_sentence(
        string cidr, string rule, string sentence)
    {
        var rejected = await RejectedAsync<CreateOverlay, OverlayAccepted>(
            new CreateOverlay("reserved", cidr, null, null));

        Assert.Equal(rule, rejected.Rule);
        Assert.Contains(sentence, rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("reserved", await ListedAsync());
    }
}
