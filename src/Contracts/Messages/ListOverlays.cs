namespace CupsAndString.Contracts.Messages;

/// <summary>Asks for every overlay, answered with <see cref="OverlayList"/>.</summary>
public sealed record ListOverlays;
