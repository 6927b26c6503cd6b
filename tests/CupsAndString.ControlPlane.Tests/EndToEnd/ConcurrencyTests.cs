using CupsAndString.Cli.ControlPlane;
using CupsAndString.Commands.Deciding;
using CupsAndString.ControlPlane.Tests.Fixtures;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.EndToEnd;

/// <summary>Commands racing each other from separate broker connections.</summary>
public sealed class ConcurrencyTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private static async Task<T[]> FromSeparateConnectionsAsync<T>(
        ControlPlaneFixture fixture,
        int count,
        Func<ControlPlaneClient, int, Task<T>> send)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => fixture.ConnectAsync()));
        try
        {
            using var start = new SemaphoreSlim(0, count);
            var tasks = clients.Select(async (client, i) =>
            {
                await start.WaitAsync();
                return await send(client, i);
            }).ToList();
            start.Release(count);
            return await Task.WhenAll(tasks);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Twenty_concurrent_add_nodes_get_twenty_distinct_numbers_and_twenty_events()
    {
        await using (var client = await fixture.ConnectAsync())
        {
            await client.RequestAsync<CreateOverlay, OverlayAccepted>(
                new CreateOverlay("race", "10.60.0.0/16", null, null), CancellationToken.None);
        }

        var replies = await FromSeparateConnectionsAsync(fixture, 20, (client, i) =>
            client.RequestAsync<AddNode, NodeAccepted>(new AddNode("race", $"192.0.2.{100 + i}"),
                CancellationToken.None));

        Assert.All(replies, r => Assert.Null(r.Rejection));
        Assert.Equal(Enumerable.Range(1, 20), replies.Select(r => r.Reply!.Number).Order());
        Assert.Equal(20, replies.Select(r => r.Reply!.Subnet).Distinct().Count());
        await using var session = fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamKeys.Overlay("race"));
        Assert.Equal(20, events.Count(e => e.Data is NodeAdded));
    }

    [Fact]
    public async Task Concurrent_creates_of_one_name_let_exactly_one_win()
    {
        var replies = await FromSeparateConnectionsAsync(fixture, 8, (client, i) =>
            client.RequestAsync<CreateOverlay, OverlayAccepted>(
                new CreateOverlay("contested", $"10.{70 + i}.0.0/16", null, null), CancellationToken.None));

        Assert.Single(replies, r => r.Reply is not null);
        Assert.All(replies.Where(r => r.Reply is null), r => Assert.Equal(Rules.NameTaken,
            r.Rejection!.Rule));
    }

    [Fact]
    public async Task Concurrent_creates_of_overlapping_cidrs_let_exactly_one_win()
    {
        var replies = await FromSeparateConnectionsAsync(fixture, 8, (client, i) =>
            client.RequestAsync<CreateOverlay, OverlayAccepted>(
                new CreateOverlay($"overlap-{i}", "10.90.0.0/16", null, null), CancellationToken.None));

        Assert.Single(replies, r => r.Reply is not null);
        Assert.All(replies.Where(r => r.Reply is null), r => Assert.Equal(Rules.CidrOverlap,
            r.Rejection!.Rule));
    }

    [Fact]
    public async Task Concurrent_creates_of_distinct_overlays_get_distinct_ids()
    {
        var replies = await FromSeparateConnectionsAsync(fixture, 8, (client, i) =>
            client.RequestAsync<CreateOverlay, OverlayAccepted>(
                new CreateOverlay($"distinct-{i}", $"10.{100 + i}.0.0/16", null,
                    null), CancellationToken.None));

        Assert.All(replies, r => Assert.Null(r.Rejection));
        Assert.Equal(8, replies.Select(r => r.Reply!.OverlayId).Distinct().Count());
    }
}
