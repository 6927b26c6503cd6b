using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Docker;

/// <summary>
/// Docker's daemon.json on disk. A change is written to a temporary file in the same folder and
/// renamed over the old one, so Docker never reads half a file; the previous file is first copied
/// to <c>daemon.json.cups-and-string.bak</c>.
/// </summary>
public sealed class DaemonConfigFile
{
    public const string DefaultPath = "/etc/docker/daemon.json";
    public const string BackupSuffix = ".cups-and-string.bak";

    public DaemonConfigFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string BackupPath => Path + BackupSuffix;

    /// <summary>Merges bip and mtu into the file; writes only when something changed.</summary>
    public DaemonConfigUpdate Apply(string bip, int mtu)
    {
        var existing = File.Exists(Path) ? Read() : null;
        var merged = DaemonConfigMerge.Merge(existing, bip, mtu, Path);
        if (!merged.Changed)
        {
            return new DaemonConfigUpdate(Path, false, null, merged.PreviousBip, merged.PreviousMtu);
        }

        try
        {
            if (existing is not null)
            {
                File.Copy(Path, BackupPath, overwrite: true);
            }

            AtomicFile.WriteAllText(Path, merged.Text, flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DaemonConfigException($"failed to write {Path}: {e.Message}", e);
        }

        return new DaemonConfigUpdate(
            Path,
            true,
            existing is null ? null : BackupPath,
            merged.PreviousBip,
            merged.PreviousMtu);
    }

    private string Read()
    {
        try
        {
            return File.ReadAllText(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DaemonConfigException($"failed to read {Path}: {e.Message}", e);
        }
    }
}
