using Xunit;

namespace CupsAndString.Cli.Tests;

public sealed class UnreachableServiceTests
{
    [Theory]
    [InlineData("create", "overlay", "web")]
    [InlineData("list", "overlays")]
    [InlineData("replay")]
    public async Task An_unreachable_broker_is_one_line_with_exit_69_within_5_seconds(params string[] args)
    {
        var port = LoopbackPorts.Unused();

        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), [.. args, "--broker",
            $"amqp://127.0.0.1:{port}/"]);

        Assert.Equal(69, run.ExitCode);
        Assert.Equal(
            $"cups-and-string {string.Join(' ', args.Take(args[0] == "replay" ? 1 : 2))}: "
            + $"cannot reach the broker at amqp://127.0.0.1:{port}/: connection refused; "
            + "start RabbitMQ (./configure installs it) or pass --broker\n",
            run.Error);
        Assert.True(run.Took < TimeSpan.FromSeconds(5), $"took {run.Took}");
    }

    [Fact]
    public async Task A_controller_whose_database_is_unreachable_says_so_with_exit_69_within_5_seconds()
    {
        var port = LoopbackPorts.Unused();
        var database = $"Host=127.0.0.1;Port={port};Database=cas;Username=cas";

        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "controller", "--database",
            database);

        Assert.Equal(69, run.ExitCode);
        Assert.Equal(
            $"cups-and-string controller: cannot reach the database at postgresql://127.0.0.1:{port}/cas: "
            + "connection refused; start PostgreSQL (./configure installs it) or pass --database\n",
            run.Error);
        Assert.True(run.Took < TimeSpan.FromSeconds(5), $"took {run.Took}");
    }
}
