namespace CupsAndString.Contracts;

/// <summary>
/// Everything an agent needs to forward for one overlay: the overlay's shape and every live node.
/// The version is the version of the overlay's event stream the table was built from; a table
/// with a higher version always replaces one with a lower version.
/// </summary>
public sealed record PeerTable(
    string Overlay,
    uint OverlayId,
    string Cidr,
    int NodePrefixLength,
    int Port,
    long Version,
    IReadOnlyList<PeerNode> Nodes);
