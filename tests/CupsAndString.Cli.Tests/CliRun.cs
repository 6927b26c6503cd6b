using System.Diagnostics;

namespace CupsAndString.Cli.Tests;

/// <summary>Runs the command line in process with captured output and a chosen environment.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error, TimeSpan Took)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment,
        params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(""), isInteractive: false, environment);
        var clock = Stopwatch.StartNew();
        var exitCode = await CommandLine.RunAsync(args, context, VerbCatalog.All, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString(), clock.Elapsed);
    }
}
