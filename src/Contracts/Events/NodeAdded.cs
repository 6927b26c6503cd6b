namespace CupsAndString.Contracts.Events;

/// <summary>A node joined an overlay and was given a number and a container subnet.</summary>
public sealed record NodeAdded(
    string Overlay,
    Guid NodeId,
    int Number,
    string Address,
    string Subnet,
    DateTimeOffset At);
