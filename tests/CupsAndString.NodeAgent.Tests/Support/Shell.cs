using System.Diagnostics;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Runs a setup command (ip, ping, python3) and returns its exit code and output.</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}: {Output} {Error}";
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{file} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    public static Task<Result> RunAsync(string file, params string[] arguments) =>
        RunAsync(file, arguments, TimeSpan.FromSeconds(30));

    /// <summary>Runs and fails the test with the command's output when it exits non-zero.</summary>
    public static async Task<string> CheckAsync(string file, params string[] arguments)
    {
        var result = await RunAsync(file, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {result}");
        }

        return result.Output;
    }
}
