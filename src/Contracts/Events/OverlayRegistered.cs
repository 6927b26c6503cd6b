namespace CupsAndString.Contracts.Events;

/// <summary>
/// An overlay's name, id and CIDR were claimed in the registry stream. Written in the same
/// transaction as the overlay's <see cref="OverlayCreated"/>, so that the registry's stream version
/// serialises every create and no two overlays share a name, an id or addresses.
/// </summary>
public sealed record OverlayRegistered(string Name, uint OverlayId, string Cidr, DateTimeOffset At);
