using CupsAndString.Contracts.Events;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CupsAndString.Projections.PeerTables;

/// <summary>
/// Builds one <see cref="PeerTableView"/> per overlay stream with the same pure evolution the
/// command side decides with. Registered inline, so a command's events and the table they produce
/// commit in one transaction and a query right after a command sees its effect.
/// </summary>
public sealed class PeerTableProjection : SingleStreamProjection<PeerTableView, string>
{
    public PeerTableProjection()
    {
        IncludeType<OverlayCreated>();
        IncludeType<NodeAdded>();
        IncludeType<NodeRemoved>();
        IncludeType<OverlayRemoved>();
    }

    /// <summary>
    /// The next view; null (which deletes the document) once the overlay is removed, until a new
    /// overlay of the same name starts the table again.
    /// </summary>
    public override PeerTableView? Evolve(PeerTableView? snapshot, string id, IEvent e)
    {
        var table = PeerTableEvolution.Apply(snapshot?.Table, e.Data, e.Version);
        return table is null ? null : new PeerTableView(id, table);
    }
}
