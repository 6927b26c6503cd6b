namespace CupsAndString.Contracts;

/// <summary>One line of the overlay list: the overlay's shape and how full it is.</summary>
public sealed record OverlaySummary(
    string Name,
    uint OverlayId,
    string Cidr,
    int NodePrefixLength,
    int Port,
    int Nodes,
    int Capacity,
    long Version);
