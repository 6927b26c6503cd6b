using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>What the command side reports.</summary>
internal static partial class CommandLog
{
    [LoggerMessage(1000, LogLevel.Information, "Overlay {Overlay} created: id {OverlayId}, {Cidr}, "
        + "/{NodePrefix} per node, port {Port}")]
    public static partial void OverlayCreated(
        ILogger logger, string overlay, uint overlayId, string cidr, int nodePrefix, int port);

    [LoggerMessage(1001, LogLevel.Information, "Node {Node} ({Address}) joined overlay {Overlay} with subnet "
        + "{Subnet}")]
    public static partial void NodeAdded(ILogger logger, int node, string address, string overlay,
        string subnet);

    [LoggerMessage(1002, LogLevel.Information, "Node {Node} ({Address}) left overlay {Overlay}")]
    public static partial void NodeRemoved(ILogger logger, int node, string address, string overlay);

    [LoggerMessage(1006, LogLevel.Information, "Overlay {Overlay} removed: id {OverlayId} and {Cidr} are "
        + "free again, {Nodes} nodes went with it")]
    public static partial void OverlayRemoved(ILogger logger, string overlay, uint overlayId, string cidr,
        int nodes);

    [LoggerMessage(1003, LogLevel.Information, "Command {Command} rejected ({Rule}): {Reason}")]
    public static partial void Rejected(ILogger logger, string command, string rule, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Stream {Stream} changed while {Command} was decided (attempt "
        + "{Attempt}); deciding again")]
    public static partial void Conflict(ILogger logger, string stream, string command, int attempt);

    [LoggerMessage(1005, LogLevel.Error, "Gave up on {Command} after {Attempts} conflicting attempts on "
        + "stream {Stream}")]
    public static partial void GaveUp(ILogger logger, string command, int attempts, string stream);
}
