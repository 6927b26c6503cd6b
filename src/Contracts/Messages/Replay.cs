namespace CupsAndString.Contracts.Messages;

/// <summary>
/// Asks the controller to rebuild the peer tables from the events (one overlay, or all when
/// Overlay is null) and to publish every rebuilt table again.
/// </summary>
public sealed record Replay(string? Overlay);
