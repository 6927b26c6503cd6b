using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>Log lines of the host state reconciler: one Information line per kernel change.</summary>
internal static partial class HostStateLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information,
        Message = "{Overlay}: set MTU {Mtu} on {Tun}")]
    public static partial void MtuSet(this ILogger logger, string overlay, string tun, int mtu);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "{Overlay}: set {Tun} up")]
    public static partial void LinkUp(this ILogger logger, string overlay, string tun);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information,
        Message = "{Overlay}: added address {Address} to {Tun}")]
    public static partial void AddressAdded(this ILogger logger, string overlay, string tun, string address);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information,
        Message = "{Overlay}: removed address {Address} from {Tun}")]
    public static partial void AddressRemoved(
        this ILogger logger, string overlay, string tun, string address);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information,
        Message = "{Overlay}: set {Setting} to {Value} (was {Previous})")]
    public static partial void SysctlSet(
        this ILogger logger, string overlay, string setting, string value, string previous);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information,
        Message = "{Overlay}: route {Route} {Action}")]
    public static partial void RouteChanged(
        this ILogger logger, string overlay, string route, string action);

    [LoggerMessage(EventId = 306, Level = LogLevel.Information,
        Message = "{Overlay}: firewall added {Rule}")]
    public static partial void FirewallAdded(this ILogger logger, string overlay, string rule);

    [LoggerMessage(EventId = 307, Level = LogLevel.Information,
        Message = "{Overlay}: firewall chain {Chain} removed")]
    public static partial void FirewallRemoved(this ILogger logger, string overlay, string chain);

    [LoggerMessage(EventId = 308, Level = LogLevel.Warning,
        Message = "{Overlay}: applying host state failed ({Reason}); undoing {Count} change(s)")]
    public static partial void Undoing(this ILogger logger, string overlay, string reason, int count);

    [LoggerMessage(EventId = 309, Level = LogLevel.Warning, Message = "{Overlay}: could not undo {Change}")]
    public static partial void UndoFailed(
        this ILogger logger, string overlay, string change, Exception error);

    [LoggerMessage(EventId = 310, Level = LogLevel.Warning,
        Message = "{Overlay}: could not remove {What}")]
    public static partial void RemoveFailed(
        this ILogger logger, string overlay, string what, Exception error);
}
