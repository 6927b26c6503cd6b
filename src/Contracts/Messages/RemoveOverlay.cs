namespace CupsAndString.Contracts.Messages;

/// <summary>
/// Asks for an overlay to be removed. An overlay that still has nodes is removed only with
/// <paramref name="Force"/>, since its agents stop forwarding at once.
/// </summary>
public sealed record RemoveOverlay(string Overlay, bool Force);
