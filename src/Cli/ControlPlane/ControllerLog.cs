using Microsoft.Extensions.Logging;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>What the controller process itself reports (its components log on their own).</summary>
internal static partial class ControllerLog
{
    [LoggerMessage(4000, LogLevel.Information, "Controller running: broker {Broker}, database {Database}, "
        + "schema {Schema}")]
    public static partial void Started(ILogger logger, string broker, string database, string schema);

    [LoggerMessage(4001, LogLevel.Information, "Controller stopping: {Reason}")]
    public static partial void Stopping(ILogger logger, string reason);

    [LoggerMessage(4002, LogLevel.Information, "Controller stopped")]
    public static partial void Stopped(ILogger logger);
}
