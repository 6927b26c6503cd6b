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
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page,
        ISubscriptionController controller,
        IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        var touched = page.Events
            .Select(e => e.StreamKey)
            .Where(key => StreamKeys.OverlayName(key) is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var published = 0;
        foreach (var key in touched)
        {
            // NOTE: an overlay whose table is missing (wiped ahead of a replay) is skipped here;
            // the replay publishes every rebuilt table itself.
            var view = await operations.LoadAsync<PeerTableView>(key!, cancellationToken);
            if (view is null)
            {
                continue;
            }

            await _publisher.Publish(new PeerTableChanged(view.Table), cancellationToken);
            ProjectionLog.Published(_logger, view.Table.Overlay, view.Table.Version, view.Table.Nodes.Count);
            published++;
        }

        if (published > 0)
        {
            ProjectionLog.Forwarded(_logger, page.Events.Count, published, page.SequenceCeiling);
        }

        return NullChangeListener.Instance;
    }
}
