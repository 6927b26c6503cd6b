using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class LabProcessTests
{
    [Fact]
    public async Task A_finished_program_returns_its_exit_code_and_both_outputs()
    {
        var result = await LabProcess.RunAsync(
            new LabProcessStart("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"]),
            TimeSpan.FromSeconds(10),
            CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out", result.Output.Trim());
        Assert.Equal("err", result.Error.Trim());
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EnsureSuccess_on_a_failed_program_names_the_command_and_its_error()
    {
        var result = await LabProcess.RunAsync(
            new LabProcessStart("/bin/sh", ["-c", "echo broken >&2; exit 1"]),
            TimeSpan.FromSeconds(10),
            CancellationToken.None);

        var error = Assert.Throws<LabException>(() => result.EnsureSuccess());
        Assert.Contains("/bin/sh -c", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with 1: broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_that_outlives_its_timeout_is_killed_and_reported()
    {
        await using var process = LabProcess.Launch(new LabProcessStart("sleep", ["30"]));

        var error = await Assert.ThrowsAsync<LabException>(
            () => process.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Contains("did not finish within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task Disposing_a_running_program_stops_it_by_its_pid()
    {
        var process = LabProcess.Launch(new LabProcessStart("sleep", ["30"]));
        var pid = process.Pid;
        Assert.True(LabFolder.IsRunning(pid));

        await process.DisposeAsync();

        Assert.False(LabFolder.IsRunning(pid));
    }

    [Fact]
    public async Task A_program_with_a_log_file_writes_both_outputs_into_it()
    {
        var log = Path.Combine(Path.GetTempPath(), $"lab-process-{Guid.NewGuid():N}.log");
        try
        {
            await using var process = LabProcess.Launch(
                new LabProcessStart("/bin/sh", ["-c", "echo \"one $0\"; echo two >&2", "x y"])
                {
                    LogFile = log,
                });
            var result = await process.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(["one x y", "two"], File.ReadAllLines(log));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public async Task A_program_that_does_not_exist_gives_a_lab_exception_naming_it()
    {
        var error = await Assert.ThrowsAsync<LabException>(() => LabProcess.RunAsync(
            new LabProcessStart("/nonexistent/program", []),
            TimeSpan.FromSeconds(5),
            CancellationToken.None));

        Assert.StartsWith("failed to start /nonexistent/program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_reads_like_a_shell_command_with_quotes_where_needed()
    {
        var start = new LabProcessStart("curl", ["--max-time", "5", "it's here"]) { Namespace = "lab-h1c1" };

        Assert.Equal("ip netns exec lab-h1c1 curl --max-time 5 'it'\\''s here'", start.Describe());
    }
}
