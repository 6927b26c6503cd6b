using CupsAndString.Contracts;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Docker;

/// <summary>
/// Makes the node subnet Docker's bridge subnet: merges <c>bip</c> (the first host address of the
/// node subnet with its prefix, e.g. 10.10.3.1/24) and <c>mtu</c> into daemon.json, and restarts
/// Docker only when the file changed and the operator asked for restarts. With no engine on the
/// host it says so once and goes on.
/// </summary>
public sealed class DockerBridgeSetup
{
    private readonly DaemonConfigFile file;
    private readonly IDockerEngine engine;
    private readonly ILogger logger;
    private bool saidNoEngine;

    public DockerBridgeSetup(DaemonConfigFile file, IDockerEngine engine, ILogger<DockerBridgeSetup> logger)
    {
        this.file = file;
        this.engine = engine;
        this.logger = logger;
    }

    /// <summary>
    /// The set-up for a daemon.json path, or null (said once in the log) when the path is the
    /// default one and its folder does not exist: a host without Docker has nothing to configure.
    /// A folder missing for a path the operator chose is refused earlier, as a mistyped flag.
    /// </summary>
    public static DockerBridgeSetup? ForHost(
        string path,
        string defaultPath,
        IDockerEngine engine,
        ILogger<DockerBridgeSetup> logger)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (path == defaultPath && folder is not null && !Directory.Exists(folder))
        {
            logger.NoDockerFolder(folder);
            return null;
        }

        return new DockerBridgeSetup(new DaemonConfigFile(path), engine, logger);
    }

    /// <summary>The bip value for a node subnet: its first host address with the prefix length.</summary>
    public static string BipFor(Ipv4Prefix nodeSubnet) => $"{nodeSubnet.AddressAt(1)}/{nodeSubnet.Length}";

    public async Task<DockerBridgeOutcome> ApplyAsync(
        Ipv4Prefix nodeSubnet,
        int mtu,
        bool restartAllowed,
        CancellationToken cancellationToken)
    {
        var bip = BipFor(nodeSubnet);
        var present = engine.IsPresent;
        if (!present && !saidNoEngine)
        {
            logger.NoEngine(file.Path);
            saidNoEngine = true;
        }

        var update = file.Apply(bip, mtu);
        if (!update.Changed)
        {
            logger.ConfigUnchanged(update.Path, bip, mtu);
            return new DockerBridgeOutcome(update, present, Restarted: false);
        }

        logger.ConfigChanged(
            update.Path,
            bip,
            mtu,
            update.PreviousBip ?? "unset",
            update.PreviousMtu?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset",
            update.BackupPath is { } backup ? $"previous file kept as {backup}" : "the file is new");
        if (!present)
        {
            return new DockerBridgeOutcome(update, present, Restarted: false);
        }

        if (!restartAllowed)
        {
            logger.RestartNeeded(bip);
            return new DockerBridgeOutcome(update, present, Restarted: false);
        }

        logger.Restarting(bip);
        await engine.RestartAsync(cancellationToken).ConfigureAwait(false);
        return new DockerBridgeOutcome(update, present, Restarted: true);
    }
}
