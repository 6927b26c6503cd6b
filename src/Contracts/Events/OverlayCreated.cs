namespace CupsAndString.Contracts.Events;

/// <summary>An overlay came into being with its address plan fixed.</summary>
public sealed record OverlayCreated(
    string Name,
    uint OverlayId,
    string Cidr,
    int NodePrefixLength,
    int Port,
    DateTimeOffset At);
