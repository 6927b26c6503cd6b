namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// Everything one agent is told on its command line: the overlay, its own node in it, where
/// peer tables come from, and the host paths it may change.
/// </summary>
public sealed record AgentOptions(string Overlay, LocalNodeSelector Node)
{
    public const string DefaultStateDirectory = "/var/lib/cups-and-string";
    public const string DefaultDockerConfig = "/etc/docker/daemon.json";

    /// <summary>The broker URI given with --broker; null means the usual lookup (env, config file).</summary>
    public string? Broker { get; init; }

    /// <summary>A static peer table (--peers); when set, no broker is used.</summary>
    public string? PeersFile { get; init; }

    /// <summary>Where the last applied peer table is cached.</summary>
    public string StateDirectory { get; init; } = DefaultStateDirectory;

    /// <summary>Docker's daemon.json, where the node subnet and MTU are merged.</summary>
    public string DockerConfig { get; init; } = DefaultDockerConfig;

    /// <summary>Restart Docker when daemon.json changed (stops containers; off unless asked).</summary>
    public bool RestartDocker { get; init; }

    /// <summary>Replaces the MTU derived from the egress device when set.</summary>
    public int? MtuOverride { get; init; }

    /// <summary>How often the kernel state is re-applied, since something else may remove it.</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the status file (<see cref="AgentStatusFile"/>) is rewritten.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a clean stop may spend removing routes and rules.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
