using CupsAndString.ControlPlane.Tests.Fixtures;
using Xunit;

namespace CupsAndString.Cli.Tests;

/// <summary>
/// Runs the command line against a fixture's controller: the broker address and the entity prefix
/// reach the verbs through the environment, as they would for an operator.
/// </summary>
internal sealed class FixtureCli(ControlPlaneFixture fixture)
{
    public Dictionary<string, string?> Environment()
    {
        var broker = fixture.Bus.Broker;
        var vhost = broker.VirtualHost == "/" ? "" : Uri.EscapeDataString(broker.VirtualHost);
        return new()
        {
            ["CUPS_AND_STRING_BROKER"] =
                $"amqp://{Uri.EscapeDataString(broker.Username)}:{Uri.EscapeDataString(broker.Password)}"
                + $"@{broker.Host}:{broker.Port}/{vhost}",
            ["CUPS_AND_STRING_PREFIX"] = fixture.Bus.Prefix,
        };
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(Environment(), args);

    /// <summary>Standard output of a run that must succeed with nothing on standard error.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}");
        Assert.Equal("", run.Error);
        return run.Out;
    }
}
