using CupsAndString.Contracts.Events;
using CupsAndString.Projections.PeerTables;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace CupsAndString.Projections;

/// <summary>
/// The event store's shape: string stream keys, the event types and the peer table projection.
/// </summary>
public static class ProjectionsSetup
{
    public static void Configure(StoreOptions options)
    {
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AddEventType<OverlayCreated>();
        options.Events.AddEventType<OverlayRegistered>();
        options.Events.AddEventType<NodeAdded>();
        options.Events.AddEventType<NodeRemoved>();
        options.Events.AddEventType<OverlayRemoved>();
        options.Events.AddEventType<OverlayDeregistered>();
        options.Projections.Add<PeerTableProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PeerTableView>().Identity(v => v.Id);
    }
}
