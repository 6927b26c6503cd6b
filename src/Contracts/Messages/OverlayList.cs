namespace CupsAndString.Contracts.Messages;

/// <summary>The reply to <see cref="ListOverlays"/>, ordered by name.</summary>
public sealed record OverlayList(IReadOnlyList<OverlaySummary> Overlays);
