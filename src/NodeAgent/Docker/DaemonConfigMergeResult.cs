namespace CupsAndString.NodeAgent.Docker;

/// <summary>The merged daemon.json text, whether it changed, and the values it had before.</summary>
public sealed record DaemonConfigMergeResult(
    string Text,
    bool Changed,
    string? PreviousBip,
    int? PreviousMtu);
