namespace CupsAndString.Contracts.Events;

/// <summary>
/// An overlay's name, id and CIDR were given back in the registry stream. Written in the same
/// transaction as the overlay's <see cref="OverlayRemoved"/>, so that a create that reads the
/// registry afterwards may take them again.
/// </summary>
public sealed record OverlayDeregistered(string Name, uint OverlayId, string Cidr, DateTimeOffset At);
