namespace CupsAndString.Lab;

/// <summary>What a finished program left behind: its exit code and everything it printed.</summary>
public sealed record CommandResult(string Description, int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>
    /// Throws a <see cref="LabException"/> naming the command and its error output unless it succeeded.
    /// </summary>
    public CommandResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            var detail = string.IsNullOrWhiteSpace(Error) ? Output : Error;
            throw new LabException($"{Description} exited with {ExitCode}: {detail.Trim()}");
        }

        return this;
    }
}
