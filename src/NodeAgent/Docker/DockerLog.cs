using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Docker;

/// <summary>Log lines about Docker's bridge configuration.</summary>
internal static partial class DockerLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Information,
        Message = "no Docker engine found on this host; {Path} is kept up to date "
            + "for when one is installed")]
    public static partial void NoEngine(this ILogger logger, string path);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information,
        Message = "set bip {Bip} and mtu {Mtu} in {Path} (was bip {PreviousBip}, mtu {PreviousMtu}); "
            + "{Previous}")]
    public static partial void ConfigChanged(
        this ILogger logger,
        string path,
        string bip,
        int mtu,
        string previousBip,
        string previousMtu,
        string previous);

    [LoggerMessage(EventId = 402, Level = LogLevel.Debug,
        Message = "{Path} already has bip {Bip} and mtu {Mtu}")]
    public static partial void ConfigUnchanged(this ILogger logger, string path, string bip, int mtu);

    [LoggerMessage(EventId = 403, Level = LogLevel.Warning,
        Message = "Docker must be restarted to use bip {Bip}; restarting stops running containers and "
            + "changes their addresses, so it is left to the operator: restart Docker, or run the agent "
            + "with --restart-docker")]
    public static partial void RestartNeeded(this ILogger logger, string bip);

    [LoggerMessage(EventId = 404, Level = LogLevel.Information,
        Message = "restarting Docker to apply bip {Bip}")]
    public static partial void Restarting(this ILogger logger, string bip);

    [LoggerMessage(EventId = 405, Level = LogLevel.Information,
        Message = "no Docker on this host ({Folder} does not exist); Docker's bridge is left alone")]
    public static partial void NoDockerFolder(this ILogger logger, string folder);
}
