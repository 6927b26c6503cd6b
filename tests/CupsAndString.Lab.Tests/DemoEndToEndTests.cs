using CupsAndString.Lab;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests;

/// <summary>
/// Runs <c>cups-and-string demo</c> as an operator would, against the test services named by
/// CUPS_TEST_RABBITMQ and CUPS_TEST_POSTGRES (./test starts them; RabbitMQ must listen on all
/// addresses so the agents reach it over the demo's management link).
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class DemoEndToEndTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [DemoFact]
    public async Task The_demo_fetches_the_web_page_across_the_overlay_and_every_ping_pair_answers()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "cups-and-string");
        var start = new LabProcessStart(program, ["demo"])
        {
            Environment = new Dictionary<string, string>
            {
                ["CUPS_AND_STRING_BROKER"] = Environment.GetEnvironmentVariable("CUPS_TEST_RABBITMQ")!,
                ["CUPS_AND_STRING_DATABASE"] = Environment.GetEnvironmentVariable("CUPS_TEST_POSTGRES")!,
            },
        };

        var result = await LabProcess.RunAsync(start, Limit, CancellationToken.None);

        var lines = result.Output.Split('\n');
        var http = Array.FindIndex(
            lines,
            l => l.StartsWith("HTTP  h1c1 -> http://10.10.3.2:8080/", StringComparison.Ordinal));
        Assert.True(http >= 0, result.Output + result.Error);
        Assert.StartsWith(
            "      ok: \"hello from h3c1 (10.10.3.2)",
            lines[http + 1],
            StringComparison.Ordinal);
        Assert.Contains("15 of 15 pairs answered", lines);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(
            NetworkNamespace.List(),
            n => n.StartsWith("cdemo-", StringComparison.Ordinal));
    }
}
