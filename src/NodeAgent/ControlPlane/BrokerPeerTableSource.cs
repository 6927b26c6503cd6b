using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;
using CupsAndString.NodeAgent.Hosting;
using MassTransit;
using Microsoft.Extensions.Logging;
using Polly;

namespace CupsAndString.NodeAgent.ControlPlane;

/// <summary>
/// The peer tables of one overlay as the control plane publishes them. At start it asks for a
/// snapshot, then follows <see cref="PeerTableChanged"/> on a queue of its own that the broker
/// deletes when the agent goes away. Versions are stream versions: older or equal tables are
/// ignored, and a jump of more than one (messages missed, or several changes at once) triggers a
/// snapshot to be sure. Every (re)connection to the broker is followed by a snapshot too, since
/// changes published while disconnected never reach the queue. The last table is cached on disk
/// and used when no snapshot arrives at start.
/// </summary>
public sealed class BrokerPeerTableSource(
    IBus bus,
    string overlay,
    string stateDirectory,
    ResiliencePipeline snapshotRetry,
    ILogger<BrokerPeerTableSource> logger,
    BrokerPeerTableSourceOptions? options = null) : IPeerTableSource
{
    private readonly BrokerPeerTableSourceOptions _options = options ?? new BrokerPeerTableSourceOptions();
    private int _attempt;

    private KeyValuePair<string, object?> OverlayTag => new("overlay", overlay);

    /// <summary>The cache file: one per overlay in the state directory.</summary>
    public string CachePath { get; } = Path.Combine(stateDirectory, $"{overlay}.peers.json");

    public async IAsyncEnumerable<PeerTable> FollowAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var arrivals = Channel.CreateUnbounded<Arrival>();
        var snapshotWanted = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        // Listen first, then ask: nothing published after the snapshot can be missed.
        var handle = bus.ConnectReceiveEndpoint(endpoint =>
        {
            endpoint.ConnectReceiveEndpointObserver(new EndpointReadyObserver(() =>
            {
                BrokerSourceLog.Connected(logger, overlay);
                snapshotWanted.Writer.TryWrite(true);
            }));
            endpoint.Handler<PeerTableChanged>(context =>
            {
                arrivals.Writer.TryWrite(new Arrival(context.Message.Table, FromSnapshot: false));
                return Task.CompletedTask;
            });
        });
        snapshotWanted.Writer.TryWrite(true);
        var snapshots = SnapshotLoopAsync(snapshotWanted.Reader, arrivals.Writer, stop.Token);

        try
        {
            long current = -1;
            var first = await FirstArrivalAsync(arrivals.Reader, stop.Token);
            if (first is null && ReadCache() is { } cached)
            {
                BrokerSourceLog.UsingCache(
                    logger, overlay, _options.StartTimeout.TotalSeconds, cached.Version, CachePath);
                current = cached.Version;
                yield return cached;
            }
            else if (first is not null)
            {
                arrivals.Writer.TryWrite(first);
            }

            await foreach (var arrival in arrivals.Reader.ReadAllAsync(stop.Token))
            {
                // Another overlay's table is not ours to judge; a broken one of ours is counted.
                if (arrival.Table is { } other && other.Overlay != overlay)
                {
                    continue;
                }

                if (Check(arrival.Table) is { } problem)
                {
                    BrokerSourceLog.Dropped(logger, overlay, problem);
                    BrokerSourceMetrics.DroppedTables.Add(1, OverlayTag);
                    continue;
                }

                if (arrival.Table!.Version <= current)
                {
                    continue;
                }

                if (!arrival.FromSnapshot && current >= 0 && arrival.Table.Version > current + 1)
                {
                    BrokerSourceLog.Gap(logger, overlay, current, arrival.Table.Version);
                    snapshotWanted.Writer.TryWrite(true);
                }

                current = arrival.Table.Version;
                WriteCache(arrival.Table);
                BrokerSourceLog.Applied(
                    logger,
                    overlay,
                    current,
                    arrival.Table.Nodes.Count,
                    arrival.FromSnapshot ? "snapshot" : "update");
                yield return arrival.Table;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await handle.StopAsync(CancellationToken.None);
            await snapshots;
        }
    }

    private async Task<Arrival?> FirstArrivalAsync(ChannelReader<Arrival> arrivals,
        CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_options.StartTimeout);
        try
        {
            return await arrivals.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task SnapshotLoopAsync(
        ChannelReader<bool> wanted,
        ChannelWriter<Arrival> arrivals,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in wanted.ReadAllAsync(cancellationToken))
            {
                var table = await snapshotRetry.ExecuteAsync(RequestSnapshotAsync, cancellationToken);
                if (table is not null)
                {
                    arrivals.TryWrite(new Arrival(table, FromSnapshot: true));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The agent is stopping.
        }
    }

    private async ValueTask<PeerTable?> RequestSnapshotAsync(CancellationToken cancellationToken)
    {
        // One deadline for the whole attempt, sending included: right after a reconnection a send
        // can wait on the broker far longer than the reply timeout, and a fresh attempt is better.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        try
        {
            var client = bus.CreateRequestClient<GetPeerTable>(RequestTimeout.After(
                ms: (int)_options.RequestTimeout.TotalMilliseconds));
            var response = await client.GetResponse<PeerTableSnapshot, CommandRejected>(
                new GetPeerTable(overlay), deadline.Token);
            _attempt = 0;
            if (response.Is(out Response<PeerTableSnapshot>? snapshot))
            {
                return snapshot.Message.Table;
            }

            if (response.Is(out Response<CommandRejected>? rejected))
            {
                BrokerSourceLog.SnapshotRefused(logger, overlay, rejected.Message.Rule,
                    rejected.Message.Reason);
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = $"no answer within {_options.RequestTimeout.TotalSeconds} s";
            BrokerSourceLog.SnapshotFailed(logger, overlay, ++_attempt, reason);
            throw new TimeoutException(reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            BrokerSourceLog.SnapshotFailed(logger, overlay, ++_attempt, e.Message);
            throw;
        }
    }

    private static string? Check(PeerTable? table) =>
        table is null ? "the message holds no table" : PeerTableFile.Validate(table);

    private PeerTable? ReadCache()
    {
        if (!File.Exists(CachePath))
        {
            return null;
        }

        try
        {
            var table = PeerTableFile.Read(CachePath);
            if (table.Overlay == overlay)
            {
                return table;
            }

            BrokerSourceLog.CacheUnreadable(logger, $"{CachePath} holds overlay '{table.Overlay}', not "
                + $"'{overlay}'");
            return null;
        }
        catch (InvalidDataException e)
        {
            BrokerSourceLog.CacheUnreadable(logger, e.Message);
            return null;
        }
    }

    private void WriteCache(PeerTable table)
    {
        try
        {
            PeerTableFile.Write(CachePath, table);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            BrokerSourceLog.CacheUnwritable(logger, CachePath, e.Message);
        }
    }

    private sealed record Arrival(PeerTable? Table, bool FromSnapshot);
}
