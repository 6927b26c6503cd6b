namespace CupsAndString.NodeAgent.Docker;

/// <summary>What configuring Docker's bridge did.</summary>
/// <param name="Update">What happened to daemon.json.</param>
/// <param name="EnginePresent">Whether a Docker engine was found.</param>
/// <param name="Restarted">Whether Docker was restarted.</param>
public sealed record DockerBridgeOutcome(DaemonConfigUpdate Update, bool EnginePresent, bool Restarted);
