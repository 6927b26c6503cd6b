namespace CupsAndString.Contracts.Events;

/// <summary>A node left an overlay; its number and subnet are free again.</summary>
public sealed record NodeRemoved(string Overlay, Guid NodeId, int Number, DateTimeOffset At);
