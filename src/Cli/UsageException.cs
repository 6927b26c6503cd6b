namespace CupsAndString.Cli;

/// <summary>
/// A problem the operator can fix: a bad flag, an unreachable service, a rejected command.
/// The message is printed as one line and the process exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class UsageException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
