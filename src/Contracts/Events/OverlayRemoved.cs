namespace CupsAndString.Contracts.Events;

/// <summary>
/// An overlay was removed: its peer table is gone and its agents stop forwarding. Carries the
/// address plan so that the agents can be sent a last, empty table. The same stream may later
/// begin again with a new <see cref="OverlayCreated"/> of the same name.
/// </summary>
public sealed record OverlayRemoved(
    string Name,
    uint OverlayId,
    string Cidr,
    int NodePrefixLength,
    int Port,
    int NodesRemoved,
    DateTimeOffset At);
