namespace CupsAndString.Cli;

/// <summary>One CLI subcommand, e.g. "create overlay". One class, one file, under Verbs/.</summary>
public interface IVerb
{
    /// <summary>The words that select the verb, e.g. "create overlay".</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full help text: usage line, flags and their defaults.</summary>
    string Help { get; }

    /// <summary>Flags that take no value, so the parser does not swallow the next word.</summary>
    IReadOnlySet<string> Switches { get; }

    /// <summary>Runs the verb. Checks every argument before any I/O; returns the exit code.</summary>
    Task<int> RunAsync(CliContext context, Arguments arguments, CancellationToken cancellationToken);
}
