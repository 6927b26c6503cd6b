using Xunit;

namespace CupsAndString.Cli.Tests;

/// <summary>
/// Every bad value gets one line naming the flag and exit code 2. The broker is pointed at a port
/// nobody listens on, so a verb that did I/O before checking would print a different line.
/// </summary>
public sealed class BadArgumentTests
{
    private static readonly Dictionary<string, string?> NoServices = new()
    {
        ["CUPS_AND_STRING_BROKER"] = $"amqp://127.0.0.1:{LoopbackPorts.Unused()}/",
        ["CUPS_AND_STRING_CONFIG"] = null,
    };

    [Theory]
    [InlineData("create overlay: NAME: 'Web' contains 'W'; a name uses only lowercase letters, digits and "
        + "dashes",
        "create", "overlay", "Web")]
    [InlineData("create overlay: NAME is required", "create", "overlay")]
    [InlineData("create overlay: --cidr: '10.10.0.0' has no prefix length; write it as address/length, e.g. "
        + "10.10.0.0/16",
        "create", "overlay", "web", "--cidr", "10.10.0.0")]
    [InlineData("create overlay: --cidr: '10.10.1.0/16' has host bits set; did you mean 10.10.0.0/16?",
        "create", "overlay", "web", "--cidr", "10.10.1.0/16")]
    [InlineData("create overlay: --cidr: 10.10.0.0/23 holds no /24 node subnet besides the first and the "
        + "last; use a wider --cidr or a longer --node-prefix",
        "create", "overlay", "web", "--cidr", "10.10.0.0/23")]
    [InlineData("create overlay: --node-prefix: '31' is not a whole number from 1 to 30",
        "create", "overlay", "web", "--node-prefix", "31")]
    [InlineData("create overlay: --port: '0' is not a whole number from 1 to 65535",
        "create", "overlay", "web", "--port", "0")]
    [InlineData("create overlay: --port: 'http' is not a whole number from 1 to 65535",
        "create", "overlay", "web", "--port", "http")]
    [InlineData("create overlay: unknown flag --colour; see "
        + "--help", "create", "overlay", "web", "--colour", "red")]
    [InlineData("create node: --overlay is required", "create", "node", "--address", "192.0.2.1")]
    [InlineData("create node: --address is required", "create", "node", "--overlay", "web")]
    [InlineData("create node: --address: '192.0.2' is not an IPv4 address; write it as four numbers, e.g. "
        + "192.0.2.12",
        "create", "node", "--overlay", "web", "--address", "192.0.2")]
    [InlineData("create node: --overlay: 'Web' contains 'W'; a name uses only lowercase letters, digits and "
        + "dashes",
        "create", "node", "--overlay", "Web", "--address", "192.0.2.1")]
    [InlineData("list nodes: --overlay is required", "list", "nodes")]
    [InlineData("list overlays: unexpected argument 'all'; see --help", "list", "overlays", "all")]
    [InlineData("show overlay: NAME is required", "show", "overlay")]
    [InlineData("remove node: --node is required", "remove", "node", "--overlay", "web")]
    [InlineData("remove node: --node: 'kitchen' is neither a node number, a node id nor an IPv4 address",
        "remove", "node", "--overlay", "web", "--node", "kitchen")]
    [InlineData("remove overlay: NAME is required", "remove", "overlay")]
    [InlineData("remove overlay: NAME: 'Web' contains 'W'; a name uses only lowercase letters, digits and "
        + "dashes",
        "remove", "overlay", "Web")]
    [InlineData("remove overlay: unknown flag --all; see --help",
        "remove", "overlay", "web", "--all", "yes")]
    [InlineData("replay: --overlay: 'a b' contains ' '; a name uses only lowercase letters, digits and "
        + "dashes",
        "replay", "--overlay", "a b")]
    [InlineData("list overlays: --broker: 'http://x' is not a broker address; write it as "
        + "amqp://user:password@host:port/vhost",
        "list", "overlays", "--broker", "http://x")]
    [InlineData("list overlays: --config: /nonexistent/cas.json does not exist",
        "list", "overlays", "--config", "/nonexistent/cas.json")]
    [InlineData("controller: --database: 'Port=5432' names no Host; write it as "
        + "Host=...;Port=...;Database=...;Username=...",
        "controller", "--database", "Port=5432")]
    public async Task A_bad_value_gets_one_line_naming_it_and_exit_code_2(string line, params string[] args)
    {
        var run = await CliRun.RunAsync(NoServices, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"cups-and-string {line}\n", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task A_bad_broker_variable_is_reported_under_its_own_name()
    {
        var environment = new Dictionary<string, string?> { ["CUPS_AND_STRING_BROKER"] = "localhost:5672" };

        var run = await CliRun.RunAsync(environment, "list", "overlays");

        Assert.Equal(
            "cups-and-string list overlays: CUPS_AND_STRING_BROKER: 'localhost:5672' is not a broker "
                + "address; "
            + "write it as amqp://user:password@host:port/vhost\n",
            run.Error);
    }
}
