namespace CupsAndString.Lab;

/// <summary>How to start a program for a lab: where, what, and where its output goes.</summary>
public sealed record LabProcessStart(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The network namespace to run in (a name under /run/netns); null for the caller's own.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// A file that receives the program's stdout and stderr. The program then writes to the file
    /// itself, so it keeps running safely after the caller exits (demo --keep). Null captures the
    /// output in memory instead.
    /// </summary>
    public string? LogFile { get; init; }

    /// <summary>Environment variables to set for the program, on top of the caller's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The command line as a person would type it, for messages and progress.</summary>
    public string Describe()
    {
        var words = new List<string>();
        if (Namespace is not null)
        {
            words.Add($"ip netns exec {Namespace}");
        }

        words.Add(Program);
        words.AddRange(Arguments.Select(Quote));
        return string.Join(' ', words);
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
