using CupsAndString.Cli.ControlPlane;
using CupsAndString.Commands.Deciding;
using CupsAndString.ControlPlane.Tests.Fixtures;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.EndToEnd;

/// <summary>Every command and query sent over RabbitMQ to a controller backed by PostgreSQL.</summary>
public sealed class CommandsThroughBrokerTests(ControlPlaneFixture fixture)
    : IClassFixture<ControlPlaneFixture>, IAsyncLifetime
{
    private ControlPlaneClient _client = null!;

    public async Task InitializeAsync() => _client = await fixture.ConnectAsync();

    public async Task DisposeAsync() => await _client.DisposeAsync();

    private async Task<OverlayAccepted> CreateAsync(string name, string cidr, int? nodePrefix = null)
    {
        var (reply, rejection) = await _client.RequestAsync<CreateOverlay, OverlayAccepted>(
            new CreateOverlay(name, cidr, nodePrefix, null), CancellationToken.None);
        Assert.Null(rejection);
        return reply!;
    }

    private async Task<NodeAccepted> AddAsync(string overlay, string address)
    {
        var (reply, rejection) = await _client.RequestAsync<AddNode, NodeAccepted>(
            new AddNode(overlay, address), CancellationToken.None);
        Assert.Null(rejection);
        return reply!;
    }

    private async Task<CommandRejected> RejectedAsync<TRequest, TReply>(TRequest request)
        where TRequest : class
        where TReply : class
    {
        var (reply, rejection) = await _client.RequestAsync<TRequest, TReply>(request,
            CancellationToken.None);
        Assert.Null(reply);
        return Assert.IsType<CommandRejected>(rejection);
    }

    [Fact]
    public async Task Create_overlay_appends_overlay_created_and_answers_with_the_address_plan()
    {
        var accepted = await CreateAsync("plan", "10.40.0.0/16");

        Assert.Equal(("plan", "10.40.0.0/16", 24, 8285, 254), (
            accepted.Name, accepted.Cidr, accepted.NodePrefixLength, accepted.Port, accepted.Capacity));
        await using var session = fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamKeys.Overlay("plan"));
        var created = Assert.IsType<OverlayCreated>(Assert.Single(events).Data);
        Assert.Equal(accepted.OverlayId, created.OverlayId);
    }

    [Fact]
    public async Task Create_node_and_remove_node_change_the_peer_table_answered_to_get_peer_table()
    {
        await CreateAsync("nodes", "10.41.0.0/16");
        var first = await AddAsync("nodes", "192.0.2.11");
        var second = await AddAsync("nodes", "192.0.2.12");
        var (removed, _) = await _client.RequestAsync<RemoveNode, NodeRemovalAccepted>(
            new RemoveNode("nodes", "1"), CancellationToken.None);

        var (snapshot, _) = await _client.RequestAsync<GetPeerTable, PeerTableSnapshot>(
            new GetPeerTable("nodes"), CancellationToken.None);

        Assert.Equal((1, "10.41.1.0/24"), (first.Number, first.Subnet));
        Assert.Equal((2, "10.41.2.0/24"), (second.Number, second.Subnet));
        Assert.Equal(first.NodeId, removed!.NodeId);
        Assert.Equal(4, snapshot!.Table.Version);
        var node = Assert.Single(snapshot.Table.Nodes);
        Assert.Equal((2, second.NodeId, "192.0.2.12"), (node.Number, node.Id, node.Address));
    }

    [Fact]
    public async Task List_overlays_answers_every_overlay_with_its_node_count()
    {
        await CreateAsync("listed", "10.42.0.0/16");
        await AddAsync("listed", "192.0.2.20");

        var (list, _) = await _client.RequestAsync<ListOverlays, OverlayList>(new ListOverlays(),
            CancellationToken.None);

        var listed = Assert.Single(list!.Overlays, o => o.Name == "listed");
        Assert.Equal((1, 254, 2L), (listed.Nodes, listed.Capacity, listed.Version));
    }

    [Theory]
    [InlineData("Bad-Name", "10.50.0.0/16", null, Rules.NameInvalid)]
    [InlineData("cidr-bad", "10.50.0.0", null, Rules.CidrInvalid)]
    [InlineData("cidr-six", "fd00::/64", null, Rules.CidrNotIpv4)]
    [InlineData("cidr-small", "10.50.0.0/24", null, Rules.CidrTooSmall)]
    [InlineData("prefix-bad", "10.50.0.0/16", 31, Rules.NodePrefixInvalid)]
    public async Task An_invalid_create_overlay_is_rejected_with_its_rule(
        string name, string cidr, int? nodePrefix, string rule)
    {
        var rejection = await RejectedAsync<CreateOverlay, OverlayAccepted>(
            new CreateOverlay(name, cidr, nodePrefix, null));

        Assert.Equal(rule, rejection.Rule);
    }

    [Fact]
    public async Task A_port_that_is_not_a_udp_port_is_rejected()
    {
        var rejection = await RejectedAsync<CreateOverlay, OverlayAccepted>(
            new CreateOverlay("port-bad", "10.51.0.0/16", null, 70000));

        Assert.Equal(Rules.PortInvalid, rejection.Rule);
    }

    [Fact]
    public async Task A_taken_name_and_an_overlapping_cidr_are_rejected()
    {
        await CreateAsync("taken", "10.52.0.0/16");

        var sameName = await RejectedAsync<CreateOverlay, OverlayAccepted>(
            new CreateOverlay("taken", "10.53.0.0/16", null, null));
        var overlapping = await RejectedAsync<CreateOverlay, OverlayAccepted>(
            new CreateOverlay("other", "10.52.128.0/17", null, null));

        Assert.Equal(Rules.NameTaken, sameName.Rule);
        Assert.Equal(Rules.CidrOverlap, overlapping.Rule);
        Assert.Contains("overlaps overlay 'taken'", overlapping.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_overlay_rejects_the_next_node()
    {
        await CreateAsync("tiny", "10.54.0.0/22", 24);
        await AddAsync("tiny", "192.0.2.1");
        await AddAsync("tiny", "192.0.2.2");

        var rejection = await RejectedAsync<AddNode, NodeAccepted>(new AddNode("tiny", "192.0.2.3"));

        Assert.Equal(Rules.OverlayFull, rejection.Rule);
        Assert.Contains("it holds 2 nodes", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_commands_for_an_unknown_overlay_or_node_or_a_bad_address_are_rejected()
    {
        await CreateAsync("known", "10.55.0.0/16");

        var unknownOverlayAdd = await RejectedAsync<AddNode, NodeAccepted>(new AddNode("unknown",
            "192.0.2.1"));
        var unknownOverlayRemove =
            await RejectedAsync<RemoveNode, NodeRemovalAccepted>(new RemoveNode("unknown", "1"));
        var unknownOverlayQuery =
            await RejectedAsync<GetPeerTable, PeerTableSnapshot>(new GetPeerTable("unknown"));
        var badAddress = await RejectedAsync<AddNode, NodeAccepted>(new AddNode("known", "192.0.2.300"));
        var unknownNode = await RejectedAsync<RemoveNode, NodeRemovalAccepted>(new RemoveNode("known", "9"));

        Assert.Equal(
            [Rules.OverlayUnknown, Rules.OverlayUnknown, Rules.OverlayUnknown, Rules.AddressInvalid,
                Rules.NodeUnknown],
            [unknownOverlayAdd.Rule, unknownOverlayRemove.Rule, unknownOverlayQuery.Rule, badAddress.Rule,
                unknownNode.Rule]);
    }

    [Fact]
    public async Task Re_adding_an_address_returns_the_same_node_and_appends_nothing()
    {
        await CreateAsync("again", "10.56.0.0/16");
        var first = await AddAsync("again", "192.0.2.30");
        var versionBefore = await fixture.StreamVersionAsync(StreamKeys.Overlay("again"));

        var second = await AddAsync("again", "192.0.2.30");

        Assert.True(second.AlreadyMember);
        Assert.Equal((first.NodeId, first.Number, first.Subnet), (second.NodeId, second.Number,
            second.Subnet));
        Assert.Equal(versionBefore, await fixture.StreamVersionAsync(StreamKeys.Overlay("again")));
    }

    [Fact]
    public async Task A_committed_change_is_published_as_peer_table_changed_with_the_stream_version()
    {
        await using var listener = await PeerTableListener.StartAsync(fixture.Bus);
        await CreateAsync("published", "10.57.0.0/16");
        var node = await AddAsync("published", "192.0.2.40");

        var table = await listener.WaitForAsync(
            t => t.Overlay == "published" && t.Version == 2, TimeSpan.FromSeconds(20));

        Assert.Equal(node.NodeId, Assert.Single(table.Nodes).Id);
    }
}
