namespace CupsAndString.Contracts.Messages;

/// <summary>The reply to <see cref="Replay"/>: how many overlays were rebuilt from how many events.</summary>
public sealed record ReplayCompleted(int Overlays, long Events);
