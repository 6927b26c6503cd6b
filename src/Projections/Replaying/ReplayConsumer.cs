using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using CupsAndString.Projections.PeerTables;
using CupsAndString.Projections.Queries;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Projections.Replaying;

/// <summary>
/// Rebuilds peer tables from the events alone, then publishes every rebuilt table so that each
/// agent converges on it. A full replay also drops tables whose overlay has no stream or was removed.
/// </summary>
public sealed class ReplayConsumer(
    IDocumentStore store,
    ILogger<ReplayConsumer> logger) : IConsumer<Replay>
{
    public async Task Consume(ConsumeContext<Replay> context)
    {
        var cancellationToken = context.CancellationToken;
        var only = context.Message.Overlay;
        if (only is not null && Names.Validate(only) is { } problem)
        {
            await context.RespondAsync(new CommandRejected(QueryRules.NameInvalid, $"overlay name: "
                + $"{problem}"));
            return;
        }

        // The overlays to rebuild: every live name in the registry, or the one asked for.
        await using var session = store.LightweightSession();
        var registry = await session.Events.FetchStreamAsync(StreamKeys.Registry, token: cancellationToken);
        var names = LiveNames(registry.Select(e => e.Data))
            .Where(name => only is null || name == only)
            .ToList();
        if (only is not null && names.Count == 0)
        {
            await context.RespondAsync(new CommandRejected(
                QueryRules.OverlayUnknown,
                $"there is no overlay named '{only}'; see 'cups-and-string list overlays'"));
            return;
        }

        // Rebuild in one transaction: readers see the old tables or the new ones, never a mix.
        if (only is null)
        {
            session.DeleteWhere<PeerTableView>(_ => true);
        }

        var tables = new List<PeerTable>();
        long events = 0;
        foreach (var name in names)
        {
            var key = StreamKeys.Overlay(name);
            var stream = await session.Events.FetchStreamAsync(key, token: cancellationToken);
            events += stream.Count;
            PeerTable? table = null;
            foreach (var e in stream)
            {
                table = PeerTableEvolution.Apply(table, e.Data, e.Version);
            }

            if (table is not null)
            {
                session.Store(new PeerTableView(key, table));
                tables.Add(table);
            }
        }

        // NOTE: a command committed between the reads above and this save is overwritten by the
        // older table until that overlay's next change; replay is meant for quiet moments.
        await session.SaveChangesAsync(cancellationToken);

        foreach (var table in tables)
        {
            await context.Publish(new PeerTableChanged(table), cancellationToken);
        }

        ProjectionLog.Replayed(logger, tables.Count, events);
        await context.RespondAsync(new ReplayCompleted(tables.Count, events));
    }

    /// <summary>Names registered and not deregistered since, in the order they were registered.</summary>
    public static IReadOnlyList<string> LiveNames(IEnumerable<object> registryEvents)
    {
        var live = new List<string>();
        foreach (var e in registryEvents)
        {
            switch (e)
            {
                case OverlayRegistered registered:
                    live.Remove(registered.Name);
                    live.Add(registered.Name);
                    break;
                case OverlayDeregistered deregistered:
                    live.Remove(deregistered.Name);
                    break;
            }
        }

        return live;
    }
}
