using Microsoft.Extensions.Logging;

namespace CupsAndString.Projections;

/// <summary>What the projections, their publisher and the queries report.</summary>
internal static partial class ProjectionLog
{
    [LoggerMessage(2000, LogLevel.Debug, "Published peer table of {Overlay} at version {Version} ({Nodes} "
        + "nodes)")]
    public static partial void Published(ILogger logger, string overlay, long version, int nodes);

    [LoggerMessage(2001, LogLevel.Information, "Forwarded {Events} events as {Tables} peer table changes, up "
        + "to sequence {Sequence}")]
    public static partial void Forwarded(ILogger logger, int events, int tables, long sequence);

    [LoggerMessage(2002, LogLevel.Information, "Replayed {Overlays} overlays from {Events} events and "
        + "republished their peer tables")]
    public static partial void Replayed(ILogger logger, int overlays, long events);

    [LoggerMessage(2003, LogLevel.Information, "Query {Query} rejected ({Rule}): {Reason}")]
    public static partial void Rejected(ILogger logger, string query, string rule, string reason);
}
