using System.Diagnostics;

namespace CupsAndString.Lab.Tests.Kernel;

/// <summary>Runs a program inside a named namespace through nsenter, with a time limit.</summary>
public static class NamespaceCommand
{
    public static (int ExitCode, string Output) Run(
        string namespaceName,
        string program,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("nsenter")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add($"--net=/run/netns/{namespaceName}");
        start.ArgumentList.Add(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("nsenter did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill();
            process.WaitForExit();
            return (-1, "timed out");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
