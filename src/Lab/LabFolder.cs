using System.Globalization;

namespace CupsAndString.Lab;

/// <summary>
/// The lab's own folder (/run/cups-and-string/labs/PREFIX): logs, state and config files of the
/// programs it runs, and a record of their PIDs so that a later teardown, after a crash or a
/// demo --keep, stops exactly the processes this lab started and nothing else.
/// </summary>
public sealed class LabFolder
{
    public const string Root = "/run/cups-and-string/labs";

    private const string ProcessesFile = "processes";

    private readonly Lock _gate = new();

    public LabFolder(LabNames names)
    {
        Path = System.IO.Path.Combine(Root, names.Prefix);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Create() => Directory.CreateDirectory(Path);

    /// <summary>Starts a program and records its PID, so a teardown finds it even after a crash.</summary>
    public LabProcess Launch(LabProcessStart start)
    {
        Create();
        var process = LabProcess.Launch(start);
        Record(process.Pid);
        return process;
    }

    /// <summary>
    /// Notes a started process by PID and kernel start time (which tells a reused PID apart).
    /// </summary>
    public void Record(int pid)
    {
        var started = StartTimeOf(pid);
        if (started is null)
        {
            return;
        }

        lock (_gate)
        {
            Create();
            System.IO.File.AppendAllText(
                File(ProcessesFile),
                string.Create(CultureInfo.InvariantCulture, $"{pid} {started}\n"));
        }
    }

    /// <summary>The recorded processes that still run: same PID and same start time.</summary>
    public IReadOnlyList<int> LiveProcesses()
    {
        var path = File(ProcessesFile);
        if (!System.IO.File.Exists(path))
        {
            return [];
        }

        var live = new List<int>();
        foreach (var line in System.IO.File.ReadAllLines(path))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2
                && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && StartTimeOf(pid) == words[1]
                && IsRunning(pid))
            {
                live.Add(pid);
            }
        }

        return live;
    }

    /// <summary>Removes the folder and everything in it; true when there was one.</summary>
    public bool Delete()
    {
        if (!Directory.Exists(Path))
        {
            return false;
        }

        Directory.Delete(Path, recursive: true);
        return true;
    }

    /// <summary>True while the process exists and is not a zombie waiting for its parent.</summary>
    public static bool IsRunning(int pid)
    {
        var fields = StatFields(pid);
        return fields is not null && fields[0] != "Z";
    }

    /// <summary>Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.</summary>
    private static string? StartTimeOf(int pid)
    {
        var fields = StatFields(pid);
        return fields is { Length: > 19 } ? fields[19] : null;
    }

    /// <summary>
    /// The fields of /proc/PID/stat from the third (the state) on; null when there is no such process.
    /// </summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = System.IO.File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) may hold spaces; the fields after it follow its closing paren.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
