using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CupsAndString.Bench.ControlPlane;

/// <summary>
/// Measures the control plane end to end against real services (run by hand, not in CI):
/// commands per second from request to the published peer table being received, and replay
/// speed in events per second. Services come from CUPS_TEST_POSTGRES and CUPS_TEST_RABBITMQ;
/// everything runs under a fresh schema and broker prefix that are dropped afterwards.
/// </summary>
internal static class ControlPlaneBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var commands = Option(args, "--commands", 2000);
        var overlays = Option(args, "--overlays", 8);
        var inFlight = Option(args, "--in-flight", 32);
        var replayEvents = Option(args, "--replay-events", 100_000);

        var brokerText = Environment.GetEnvironmentVariable("CUPS_TEST_RABBITMQ");
        var databaseText = Environment.GetEnvironmentVariable("CUPS_TEST_POSTGRES");
        if (!BrokerAddress.TryParse(brokerText, out var broker, out _)
            || !DatabaseAddress.TryParse(databaseText, out var db, out _))
        {
            await Console.Error.WriteLineAsync(
                "set CUPS_TEST_POSTGRES and CUPS_TEST_RABBITMQ to run the benchmark");
            return 2;
        }

        var tag = Guid.NewGuid().ToString("N")[..8];
        var bus = new BusSettings(broker, $"bench{tag}-", TimeSpan.FromSeconds(30));
        var settings = new ControllerSettings(bus, db, $"bench{tag}");
        using var host = ControllerHost.Build(settings, logging => logging.ClearProviders());
        await host.StartAsync(cancellationToken);
        try
        {
            await MeasureCommandsAsync(settings, commands, overlays, inFlight, cancellationToken);
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await MeasureReplayAsync(settings, store, replayEvents, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await DropSchemaAsync(settings, CancellationToken.None);
        }

        return 0;
    }

    private static async Task MeasureCommandsAsync(
        ControllerSettings settings,
        int commands,
        int overlays,
        int inFlight,
        CancellationToken cancellationToken)
    {
        // Overlays to spread the commands over, and a listener for the published tables.
        await using var client = await ControlPlaneClient.ConnectAsync(settings.Bus,
            TimeSpan.FromSeconds(60), cancellationToken);
        for (var i = 0; i < overlays; i++)
        {
            await client.RequestAsync<CreateOverlay, OverlayAccepted>(
                new CreateOverlay($"bench-{i}", $"10.{i}.0.0/16", 24, null), cancellationToken);
        }

        var latest = new ConcurrentDictionary<string, long>();
        var listenerBus = await ControlPlaneBus.StartAsync(settings.Bus, cancellationToken);
        var handle = listenerBus.ConnectReceiveEndpoint(e => e.Handler<PeerTableChanged>(context =>
        {
            latest.AddOrUpdate(context.Message.Table.Overlay, context.Message.Table.Version,
                (_, old) => Math.Max(old, context.Message.Table.Version));
            return Task.CompletedTask;
        }));
        await handle.Ready;

        // Nodes join, round robin over the overlays (at most 254 each), a bounded number in flight.
        if (commands > overlays * 254)
        {
            throw new ArgumentException($"--commands {commands} exceeds 254 nodes per overlay");
        }

        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(inFlight);
        var sent = Enumerable.Range(0, commands).Select(async n =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var round = n / overlays;
                var address = $"192.0.{2 + (round / 250)}.{1 + (round % 250)}";
                var (_, rejection) = await client.RequestAsync<AddNode, NodeAccepted>(
                    new AddNode($"bench-{n % overlays}", address), cancellationToken);
                if (rejection is not null)
                {
                    throw new InvalidOperationException($"command rejected: {rejection.Reason}");
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(sent);
        var committed = clock.Elapsed;

        // Done when every overlay's last version has been received from the broker.
        var expected = Enumerable.Range(0, overlays).ToDictionary(
            i => $"bench-{i}", i => 1L + (commands / overlays) + (i < commands % overlays ? 1 : 0));
        while (expected.Any(e => latest.GetValueOrDefault(e.Key) < e.Value))
        {
            await Task.Delay(5, cancellationToken);
        }

        var received = clock.Elapsed;
        await ControlPlaneBus.StopQuietlyAsync(listenerBus);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"commands: {commands} over {overlays} overlays, {inFlight} in flight: all replies in "
            + $"{committed.TotalSeconds:F2} s, all tables received in {received.TotalSeconds:F2} s "
            + $"= {commands / received.TotalSeconds:F0} commands/s through the whole path"));
    }

    private static async Task MeasureReplayAsync(
        ControllerSettings settings,
        IDocumentStore store,
        int events,
        CancellationToken cancellationToken)
    {
        // A history of the wanted size, written straight into the event store: overlays of 1,000
        // events each (created, then nodes joining and leaving).
        const int perOverlay = 1000;
        var at = DateTimeOffset.UtcNow;
        var overlayCount = events / perOverlay;
        for (var o = 0; o < overlayCount; o++)
        {
            var name = $"replay-{o}";
            var cidr = $"172.{16 + (o / 256)}.{o % 256}.0/24";
            var history = new List<object> { new OverlayCreated(name, (uint)(1000 + o), cidr, 28, 8285, at) };
            var id = Guid.Empty;
            for (var e = 1; e < perOverlay; e++)
            {
                if (e % 2 == 1)
                {
                    id = Guid.NewGuid();
                    history.Add(new NodeAdded(name, id, 1, "192.0.2.1", cidr.Replace(".0/24", ".16/28"), at));
                }
                else
                {
                    history.Add(new NodeRemoved(name, id, 1, at));
                }
            }

            await using var session = store.LightweightSession();
            session.Events.StartStream(StreamKeys.Overlay(name), history.ToArray());
            session.Events.Append(StreamKeys.Registry, new OverlayRegistered(name, (uint)(1000 + o), cidr,
                at));
            await session.SaveChangesAsync(cancellationToken);
        }

        await using var client = await ControlPlaneClient.ConnectAsync(settings.Bus,
            TimeSpan.FromMinutes(10), cancellationToken);
        var clock = Stopwatch.StartNew();
        var (done, rejection) = await client.RequestAsync<Replay, ReplayCompleted>(new Replay(null),
            cancellationToken);
        clock.Stop();
        if (rejection is not null)
        {
            throw new InvalidOperationException($"replay rejected: {rejection.Reason}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replay: {done!.Events} events into {done.Overlays} peer tables "
            + $"in {clock.Elapsed.TotalSeconds:F2} s "
            + $"= {done.Events / clock.Elapsed.TotalSeconds:F0} events/s (rebuild and republish)"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? int.Parse(args[index + 1], CultureInfo.InvariantCulture)
            : fallback;
    }

    private static async Task DropSchemaAsync(ControllerSettings settings,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(settings.Database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = $"DROP SCHEMA IF EXISTS {settings.Schema} CASCADE";
        await using var drop = new NpgsqlCommand(sql, connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }
}
