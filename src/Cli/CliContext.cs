namespace CupsAndString.Cli;

/// <summary>
/// What a verb may touch besides its arguments: output, input and the environment. Tests pass
/// their own writers and environment so they can assert exact text.
/// </summary>
public sealed class CliContext(
    TextWriter output,
    TextWriter error,
    TextReader input,
    bool isInteractive,
    IReadOnlyDictionary<string, string?> environment)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader In { get; } = input;

    /// <summary>True when stdin is a terminal, so missing values may be prompted for.</summary>
    public bool IsInteractive { get; } = isInteractive;

    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    public string? GetEnvironment(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public static CliContext FromConsole()
    {
        var environment = new Dictionary<string, string?>();
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return new CliContext(
            Console.Out,
            Console.Error,
            Console.In,
            !Console.IsInputRedirected,
            environment);
    }

    /// <summary>
    /// Returns the value given, or asks for it on a terminal; refuses when stdin is not a terminal.
    /// </summary>
    public string Prompt(string? given, string flag, string question)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        if (!IsInteractive)
        {
            throw new UsageException($"{flag} is required");
        }

        Error.Write($"{question}: ");
        var answer = In.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? throw new UsageException($"{flag} is required") : answer;
    }
}
