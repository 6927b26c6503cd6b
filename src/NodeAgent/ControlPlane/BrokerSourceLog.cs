using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.ControlPlane;

/// <summary>What the broker-fed peer table source reports.</summary>
internal static partial class BrokerSourceLog
{
    [LoggerMessage(3000, LogLevel.Information, "Peer table of {Overlay} now at version {Version} ({Nodes} "
        + "nodes, from {Origin})")]
    public static partial void Applied(ILogger logger, string overlay, long version, int nodes,
        string origin);

    [LoggerMessage(3001, LogLevel.Information, "Peer table of {Overlay} jumped from version {From} to {To}; "
        + "asking for a snapshot")]
    public static partial void Gap(ILogger logger, string overlay, long from, long to);

    [LoggerMessage(3002, LogLevel.Warning, "No snapshot of {Overlay} within {Seconds} s; using the cached "
        + "table at version {Version} from {Path}")]
    public static partial void UsingCache(ILogger logger, string overlay, double seconds, long version,
        string path);

    [LoggerMessage(3003, LogLevel.Warning, "Cached peer table ignored: {Reason}")]
    public static partial void CacheUnreadable(ILogger logger, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "Could not write the peer table cache {Path}: {Reason}")]
    public static partial void CacheUnwritable(ILogger logger, string path, string reason);

    [LoggerMessage(3005, LogLevel.Warning, "Dropped a peer table update for {Overlay}: {Reason}")]
    public static partial void Dropped(ILogger logger, string overlay, string reason);

    [LoggerMessage(3006, LogLevel.Warning, "Snapshot of {Overlay} refused by the control plane ({Rule}): "
        + "{Reason}")]
    public static partial void SnapshotRefused(ILogger logger, string overlay, string rule, string reason);

    [LoggerMessage(3007, LogLevel.Information, "Connected to the broker for {Overlay}; catching up with a "
        + "snapshot")]
    public static partial void Connected(ILogger logger, string overlay);

    [LoggerMessage(3008, LogLevel.Warning, "Snapshot request for {Overlay} failed (attempt {Attempt}): "
        + "{Reason}")]
    public static partial void SnapshotFailed(ILogger logger, string overlay, int attempt, string reason);
}
