using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using CupsAndString.Projections.PeerTables;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Projections.Publishing;

/// <summary>
/// Forwards committed changes to the agents. Runs as a Marten subscription in the async daemon:
/// for each page of committed events it publishes the current table of every overlay the page
/// touched, and only after the broker confirmed those publishes does the daemon store its
/// checkpoint. A crash in between means the page is forwarded again (at least once, never lost);
/// agents ignore the repeats because the version did not grow.
/// </summary>
public sealed class PeerTablePublisher : SubscriptionBase
{
    public const string SubscriptionName = "peer-table-publisher";

    private readonly IBus _publisher;
    private readonly ILogger<PeerTablePublisher> _logger;

    public PeerTablePublisher(IBus publisher, ILogger<PeerTablePublisher> logger)
    {
        _publisher = publisher;
        _logger = logger;
        Name = SubscriptionName;
        IncludeType<OverlayCreated>();
        IncludeType<NodeAdded>();
        IncludeType<NodeRemoved>();
        IncludeType<OverlayRemoved>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page,
        ISubscriptionController controller,
        IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        // The last event of each overlay stream the page touched, in the order they were touched.
        var touched = page.Events
            .Where(e => StreamKeys.OverlayName(e.StreamKey) is not null)
            .GroupBy(e => e.StreamKey!, StringComparer.Ordinal)
            .Select(g => g.Last())
            .ToList();

        var published = 0;
        foreach (var last in touched)
        {
            var view = await operations.LoadAsync<PeerTableView>(last.StreamKey!, cancellationToken);
            var table = view?.Table;
            if (table is null && last.Data is OverlayRemoved removed)
            {
                // A removed overlay has no table left: its agents get an empty one, newer than
                // any they hold, and stop forwarding since their node is no longer in it.
                table = PeerTableEvolution.Emptied(removed, last.Version);
            }

            // NOTE: an overlay whose table is missing for another reason (wiped ahead of a replay) is
            // skipped here; the replay publishes every rebuilt table itself.
            if (table is null)
            {
                continue;
            }

            await _publisher.Publish(new PeerTableChanged(table), cancellationToken);
            ProjectionLog.Published(_logger, table.Overlay, table.Version, table.Nodes.Count);
            published++;
        }

        if (published > 0)
        {
            ProjectionLog.Forwarded(_logger, page.Events.Count, published, page.SequenceCeiling);
        }

        return NullChangeListener.Instance;
    }
}
