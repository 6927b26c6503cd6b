using CupsAndString.ControlPlane.Tests.Fixtures;
using Xunit;

namespace CupsAndString.Cli.Tests;

public sealed class ControllerVerbTests
{
    [Fact]
    public async Task The_controller_serves_commands_and_stops_cleanly_with_exit_0_when_interrupted()
    {
        var (postgres, rabbitMq) = await TestServices.GetAsync(CancellationToken.None);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var environment = new Dictionary<string, string?>
        {
            ["CUPS_AND_STRING_BROKER"] = rabbitMq,
            ["CUPS_AND_STRING_DATABASE"] = postgres,
            ["CUPS_AND_STRING_PREFIX"] = $"v{tag}-",
            ["CUPS_AND_STRING_SCHEMA"] = $"v{tag}",
        };
        using var interrupt = new CancellationTokenSource();
        var context = new CliContext(
            TextWriter.Null, new StringWriter(), TextReader.Null, isInteractive: false, environment);
        var controller = CommandLine.RunAsync(["controller"], context, VerbCatalog.All, interrupt.Token);

        try
        {
            // Served: a command through the broker is answered by this controller (a request sent
            // before its queues exist goes unanswered, so one that timed out is sent again).
            var created = await CliRun.RunAsync(
                environment, "create", "overlay", "served", "--cidr", "10.130.0.0/16");
            for (var attempt = 1; attempt < 4 && created.ExitCode == 69; attempt++)
            {
                created = await CliRun.RunAsync(
                    environment, "create", "overlay", "served", "--cidr", "10.130.0.0/16");
            }

            Assert.Equal((0, ""), (created.ExitCode, created.Error));

            // Interrupted: the verb stops the host and returns 0.
            await interrupt.CancelAsync();
            var finished = await Task.WhenAny(controller, Task.Delay(TimeSpan.FromSeconds(20)));

            Assert.Same(controller, finished);
            Assert.Equal(0, await controller);
            Assert.Equal("", context.Error.ToString());
        }
        finally
        {
            await interrupt.CancelAsync();
            await Task.WhenAny(controller, Task.Delay(TimeSpan.FromSeconds(20)));
            await using var connection = new Npgsql.NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS v{tag} CASCADE",
                connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
