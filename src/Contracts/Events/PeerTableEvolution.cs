namespace CupsAndString.Contracts.Events;

/// <summary>
/// How an overlay's events build its peer table. Pure and shared by the command side (to decide)
/// and the projection (to answer agents), so both always agree on what a stream means.
/// </summary>
public static class PeerTableEvolution
{
    /// <summary>
    /// Applies one event found at the given stream version. Events of other kinds leave the table as
    /// it is; node events before the overlay exists are ignored. A removal ends the table (null), and
    /// a later creation in the same stream starts a fresh one whose versions go on from the stream's.
    /// </summary>
    public static PeerTable? Apply(PeerTable? table, object @event, long version) => @event switch
    {
        OverlayCreated created => new PeerTable(
            created.Name,
            created.OverlayId,
            created.Cidr,
            created.NodePrefixLength,
            created.Port,
            version,
            []),
        NodeAdded added when table is not null => table with
        {
            Version = version,
            Nodes = [.. table.Nodes
                .Where(n => n.Number != added.Number)
                .Append(new PeerNode(added.Number, added.NodeId, added.Address, added.Subnet))
                .OrderBy(n => n.Number)],
        },
        NodeRemoved removed when table is not null => table with
        {
            Version = version,
            Nodes = [.. table.Nodes.Where(n => n.Id != removed.NodeId)],
        },
        OverlayRemoved => null,
        _ when table is not null => table with { Version = version },
        _ => table,
    };

    /// <summary>
    /// The last table agents are sent for a removed overlay: its plan with no nodes, at the version of
    /// the removal, so that every agent sees its own node gone and stops forwarding.
    /// </summary>
    public static PeerTable Emptied(OverlayRemoved removed, long version) => new(
        removed.Name,
        removed.OverlayId,
        removed.Cidr,
        removed.NodePrefixLength,
        removed.Port,
        version,
        []);

    /// <summary>Folds a whole stream; versions count from 1.</summary>
    public static PeerTable? Fold(IEnumerable<object> events)
    {
        PeerTable? table = null;
        long version = 0;
        foreach (var @event in events)
        {
            table = Apply(table, @event, ++version);
        }

        return table;
    }
}
