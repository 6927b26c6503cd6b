using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using CupsAndString.Cli.ControlPlane;
using CupsAndString.ControlPlane.Tests.Fixtures;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;
using CupsAndString.NodeAgent.ControlPlane;
using MassTransit;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.EndToEnd;

public sealed class BrokerPeerTableSourceTests(ControlPlaneFixture fixture)
    : IClassFixture<ControlPlaneFixture>, IDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("cas-agent-state-").FullName;

    private static readonly BrokerPeerTableSourceOptions Quick = new()
    {
        RequestTimeout = TimeSpan.FromSeconds(5),
        StartTimeout = TimeSpan.FromSeconds(2),
    };

    public void Dispose() => Directory.Delete(_stateDirectory, recursive: true);

    private async Task SendAsync<TRequest, TReply>(ControlPlaneClient client, TRequest request)
        where TRequest : class
        where TReply : class
    {
        var (_, rejection) = await client.RequestAsync<TRequest, TReply>(request, CancellationToken.None);
        Assert.Null(rejection);
    }

    private static async Task<PeerTable> NextAsync(IAsyncEnumerator<PeerTable> tables, TimeSpan timeout)
    {
        var move = tables.MoveNextAsync().AsTask();
        Assert.Same(move, await Task.WhenAny(move, Task.Delay(timeout)));
        Assert.True(await move);
        return tables.Current;
    }

    [Fact]
    public async Task A_source_yields_the_snapshot_first_then_each_newer_version()
    {
        await using var client = await fixture.ConnectAsync();
        await SendAsync<CreateOverlay, OverlayAccepted>(client, new CreateOverlay("follow", "10.85.0.0/16",
            null, null));
        await using var agent = AgentControlPlane.Start(fixture.Bus, "follow", _stateDirectory,
            TestLogging.Factory, Quick);
        await using var tables = agent.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();

        var first = await NextAsync(tables, TimeSpan.FromSeconds(20));
        await SendAsync<AddNode, NodeAccepted>(client, new AddNode("follow", "192.0.2.5"));
        var second = await NextAsync(tables, TimeSpan.FromSeconds(20));

        Assert.Equal((1L, 0), (first.Version, first.Nodes.Count));
        Assert.Equal(2, second.Version);
        Assert.Equal("192.0.2.5", Assert.Single(second.Nodes).Address);
        Assert.Equal(2, PeerTableFile.Read(agent.Source.CachePath).Version);
    }

    [Fact]
    public async Task A_source_stopped_during_changes_converges_through_a_snapshot_when_restarted()
    {
        await using var client = await fixture.ConnectAsync();
        await SendAsync<CreateOverlay, OverlayAccepted>(client, new CreateOverlay("missed", "10.86.0.0/16",
            null, null));
        await using (var agent = AgentControlPlane.Start(fixture.Bus, "missed", _stateDirectory,
            TestLogging.Factory, Quick))
        {
            await using var tables = agent.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();
            Assert.Equal(1, (await NextAsync(tables, TimeSpan.FromSeconds(20))).Version);
        }

        // While the agent is away: three changes it never hears of.
        await SendAsync<AddNode, NodeAccepted>(client, new AddNode("missed", "192.0.2.6"));
        await SendAsync<AddNode, NodeAccepted>(client, new AddNode("missed", "192.0.2.7"));
        await SendAsync<RemoveNode, NodeRemovalAccepted>(client, new RemoveNode("missed", "1"));

        await using var again = AgentControlPlane.Start(fixture.Bus, "missed", _stateDirectory,
            TestLogging.Factory, Quick);
        await using var resumed = again.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();
        var table = await NextAsync(resumed, TimeSpan.FromSeconds(20));

        Assert.Equal(4, table.Version);
        Assert.Equal("192.0.2.7", Assert.Single(table.Nodes).Address);
    }

    [Fact]
    public async Task A_source_catches_up_with_a_snapshot_after_the_broker_connection_comes_back()
    {
        await using var client = await fixture.ConnectAsync();
        await SendAsync<CreateOverlay, OverlayAccepted>(
            client, new CreateOverlay("outage", "10.88.0.0/16", null, null));
        await using var proxy = new LoopbackProxy(fixture.Bus.Broker.Host, fixture.Bus.Broker.Port);
        proxy.Start();
        var proxied = fixture.Bus.Broker with { Host = "127.0.0.1", Port = proxy.Port };
        var throughProxy = fixture.Bus with { Broker = proxied };
        await using var agent = AgentControlPlane.Start(
            throughProxy, "outage", _stateDirectory, TestLogging.Factory, Quick);
        await using var tables = agent.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.Equal(1, (await NextAsync(tables, TimeSpan.FromSeconds(20))).Version);

        // The agent's broker connection drops; two changes are published while it is away.
        await proxy.CutAsync();
        await SendAsync<AddNode, NodeAccepted>(client, new AddNode("outage", "192.0.2.30"));
        await SendAsync<AddNode, NodeAccepted>(client, new AddNode("outage", "192.0.2.31"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        proxy.Start();

        var table = await NextAsync(tables, TimeSpan.FromSeconds(60));
        while (table.Version < 3)
        {
            table = await NextAsync(tables, TimeSpan.FromSeconds(60));
        }

        Assert.Equal(3, table.Version);
        Assert.Equal(["192.0.2.30", "192.0.2.31"], table.Nodes.Select(n => n.Address));
    }

    [Fact]
    public async Task A_malformed_table_from_the_broker_is_dropped_and_counted_not_applied()
    {
        var dropped = 0L;
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BrokerSourceMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tags.ToArray().Contains(new KeyValuePair<string, object?>("overlay", "malformed")))
            {
                Interlocked.Add(ref dropped, value);
            }
        });
        meter.Start();
        await using var client = await fixture.ConnectAsync();
        await SendAsync<CreateOverlay, OverlayAccepted>(
            client, new CreateOverlay("malformed", "10.89.0.0/16", null, null));
        await using var agent = AgentControlPlane.Start(
            fixture.Bus, "malformed", _stateDirectory, TestLogging.Factory, Quick);
        await using var tables = agent.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.Equal(1, (await NextAsync(tables, TimeSpan.FromSeconds(20))).Version);

        // A table with a newer version but a broken rule, then a real change.
        var broken = new PeerTable("malformed", 9, "10.89.0.0/16", 24, 0, 50, []);
        var publisher = await ControlPlaneBus.StartAsync(fixture.Bus, CancellationToken.None);
        await publisher.Publish(new PeerTableChanged(broken));
        await ControlPlaneBus.StopQuietlyAsync(publisher);
        await SendAsync<AddNode, NodeAccepted>(client, new AddNode("malformed", "192.0.2.40"));

        var next = await NextAsync(tables, TimeSpan.FromSeconds(20));

        Assert.Equal(2, next.Version);
        Assert.Equal(1, Interlocked.Read(ref dropped));
    }

    [Fact]
    public async Task The_cached_table_is_yielded_when_the_broker_cannot_be_reached()
    {
        var cached = new PeerTable("cached", 3, "10.87.0.0/16", 24, 8285, 7,
            [new PeerNode(1, Guid.NewGuid(), "192.0.2.9", "10.87.1.0/24")]);
        PeerTableFile.Write(Path.Combine(_stateDirectory, "cached.peers.json"), cached);
        var nobody = new BusSettings(fixture.Bus.Broker with { Port = UnusedLoopbackPort() },
            fixture.Bus.Prefix);

        await using var agent = AgentControlPlane.Start(nobody, "cached", _stateDirectory,
            TestLogging.Factory, Quick);
        await using var tables = agent.Source.FollowAsync(CancellationToken.None).GetAsyncEnumerator();
        var first = await NextAsync(tables, TimeSpan.FromSeconds(10));

        Assert.Equal(PeerTableFile.Serialize(cached), PeerTableFile.Serialize(first));
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
