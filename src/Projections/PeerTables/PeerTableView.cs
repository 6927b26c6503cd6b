using CupsAndString.Contracts;

namespace CupsAndString.Projections.PeerTables;

/// <summary>
/// The read model that answers "what is the peer table of this overlay?". Id is the overlay's
/// stream key; Table.Version is the version of that stream the table was built from.
/// </summary>
public sealed record PeerTableView(string Id, PeerTable Table);
