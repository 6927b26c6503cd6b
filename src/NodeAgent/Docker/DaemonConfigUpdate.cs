namespace CupsAndString.NodeAgent.Docker;

/// <summary>What writing daemon.json did.</summary>
/// <param name="Path">The file.</param>
/// <param name="Changed">Whether the file was written (false: it already held these values).</param>
/// <param name="BackupPath">Where the previous file was copied, or null when there was none.</param>
/// <param name="PreviousBip">The bip the file had before, if any.</param>
/// <param name="PreviousMtu">The mtu the file had before, if any.</param>
public sealed record DaemonConfigUpdate(
    string Path,
    bool Changed,
    string? BackupPath,
    string? PreviousBip,
    int? PreviousMtu);
