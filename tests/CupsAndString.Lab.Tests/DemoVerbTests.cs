using System.Net;
using System.Net.Sockets;
using CupsAndString.Cli;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests;

[Collection(NamespaceLabCollection.Name)]
public sealed class DemoVerbTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(
        IReadOnlyDictionary<string, string?> environment,
        params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(""), false, environment);
        var code = await CommandLine.RunAsync(args, context, VerbCatalog.All, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static bool AnyDemoNamespace() =>
        NetworkNamespace.List().Any(n => n.StartsWith("cdemo-", StringComparison.Ordinal));

    [Fact]
    public async Task Demo_with_an_unknown_flag_is_a_usage_error_naming_the_flag()
    {
        var (code, _, error) = await RunAsync(new Dictionary<string, string?>(), "demo", "--hosts", "4");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("cups-and-string demo: unknown flag --hosts; see --help\n", error);
    }

    [NamespaceLabFact]
    public async Task Demo_refuses_a_broker_on_another_machine_before_building_anything()
    {
        var environment = new Dictionary<string, string?>
        {
            ["CUPS_AND_STRING_BROKER"] = "amqp://guest:guest@192.0.2.200:5672/",
        };

        var (code, output, error) = await RunAsync(environment, "demo");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("RabbitMQ must run on this machine", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(AnyDemoNamespace());
    }

    [NamespaceLabFact]
    public async Task Demo_with_no_broker_listening_says_to_start_it_and_builds_nothing()
    {
        var port = FreeLoopbackPort();
        var environment = new Dictionary<string, string?>
        {
            ["CUPS_AND_STRING_BROKER"] = $"amqp://guest:guest@127.0.0.1:{port}/",
        };

        var (code, _, error) = await RunAsync(environment, "demo");

        Assert.Equal(ExitCodes.Unavailable, code);
        Assert.StartsWith(
            $"cups-and-string demo: cannot reach the broker (RabbitMQ) at 127.0.0.1:{port} "
                + "(connection refused); start it",
            error,
            StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(AnyDemoNamespace());
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
