using CupsAndString.Cli.ControlPlane;
using CupsAndString.ControlPlane.Tests.Fixtures;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;
using CupsAndString.Projections.PeerTables;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.EndToEnd;

public sealed class ReplayTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private static async Task<PeerTable?> TableAsync(ControlPlaneClient client, string overlay)
    {
        var (snapshot, _) = await client.RequestAsync<GetPeerTable, PeerTableSnapshot>(
            new GetPeerTable(overlay), CancellationToken.None);
        return snapshot?.Table;
    }

    [Fact]
    public async Task Replay_after_wiping_the_tables_restores_identical_tables_and_republishes_them()
    {
        // A history: two overlays, nodes added and one removed.
        await using var client = await fixture.ConnectAsync();
        foreach (var (name, cidr) in new[] { ("alpha", "10.80.0.0/16"), ("beta", "10.81.0.0/16") })
        {
            await client.RequestAsync<CreateOverlay, OverlayAccepted>(
                new CreateOverlay(name, cidr, null, null), CancellationToken.None);
            for (var i = 1; i <= 3; i++)
            {
                await client.RequestAsync<AddNode, NodeAccepted>(
                    new AddNode(name, $"192.0.2.{i}"), CancellationToken.None);
            }
        }

        await client.RequestAsync<RemoveNode, NodeRemovalAccepted>(new RemoveNode("beta", "2"),
            CancellationToken.None);
        var before = new[] { await TableAsync(client, "alpha"), await TableAsync(client, "beta") };

        // The projected tables disappear.
        await using (var session = fixture.Store.LightweightSession())
        {
            session.DeleteWhere<PeerTableView>(_ => true);
            await session.SaveChangesAsync();
        }

        Assert.Null(await TableAsync(client, "alpha"));

        // Replay rebuilds them from the events and publishes them again.
        await using var listener = await PeerTableListener.StartAsync(fixture.Bus);
        var (done, rejection) = await client.RequestAsync<Replay, ReplayCompleted>(new Replay(null),
            CancellationToken.None);
        var after = new[] { await TableAsync(client, "alpha"), await TableAsync(client, "beta") };

        Assert.Null(rejection);
        Assert.Equal(2, done!.Overlays);
        Assert.Equal(4 + 5, done.Events);
        for (var i = 0; i < 2; i++)
        {
            Assert.NotNull(after[i]);
            Assert.Equal(PeerTableFile.Serialize(before[i]!), PeerTableFile.Serialize(after[i]!));
            var expected = before[i]!;
            var republished = await listener.WaitForAsync(
                t => t.Overlay == expected.Overlay && t.Version == expected.Version,
                TimeSpan.FromSeconds(10));
            Assert.Equal(PeerTableFile.Serialize(expected), PeerTableFile.Serialize(republished));
        }
    }

    [Fact]
    public async Task Replaying_an_unknown_overlay_is_rejected()
    {
        await using var client = await fixture.ConnectAsync();

        var (_, rejection) = await client.RequestAsync<Replay, ReplayCompleted>(
            new Replay("missing"), CancellationToken.None);

        Assert.Equal("overlay-unknown", rejection!.Rule);
    }
}
