using System.Net;
using System.Net.Sockets;
using CupsAndString.Cli.Verbs;
using CupsAndString.NodeAgent.Agent;
using Xunit;

namespace CupsAndString.Cli.Tests.Verbs;

public sealed class AgentVerbTests : IDisposable
{
    // A loopback broker that is never reached: the agent stops at its path checks first.
    private const string Broker = "amqp://guest:guest@127.0.0.1:1/";

    private readonly string _directory = Directory.CreateTempSubdirectory("cas-agent-verb-").FullName;

    private static async Task<(int Code, string Error)> RunAsync(AgentVerb verb, params string[] args)
    {
        var error = new StringWriter();
        var context = new CliContext(
            new StringWriter(),
            error,
            new StringReader(""),
            isInteractive: false,
            new Dictionary<string, string?>());
        var code = await CommandLine.RunAsync(["agent", .. args], context, [verb], CancellationToken.None);
        return (code, error.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("--node 1", "cups-and-string agent: --overlay NAME is required")]
    [InlineData("--overlay web",
        "cups-and-string agent: give --address IPV4 or --node NUMBER|ID to name this node")]
    [InlineData("--overlay web --node 1 --address 192.0.2.11",
        "cups-and-string agent: give either --address or --node, not both")]
    [InlineData("--overlay Web --node 1",
        "cups-and-string agent: --overlay: 'Web' contains 'W'; "
            + "a name uses only lowercase letters, digits and dashes")]
    [InlineData("--overlay web --address 192.0.2",
        "cups-and-string agent: --address: '192.0.2' is not an IPv4 address")]
    [InlineData("--overlay web --node zero",
        "cups-and-string agent: --node: 'zero' is neither a node number (1 upwards) nor a node id")]
    [InlineData("--overlay web --node 1 --mtu 40",
        "cups-and-string agent: --mtu: '40' is not a whole number from 576 to 65499")]
    [InlineData("--overlay web --node 1 --mtu 100",
        "cups-and-string agent: --mtu: '100' is not a whole number from 576 to 65499")]
    [InlineData("--overlay web --node 1 --mtu 575",
        "cups-and-string agent: --mtu: '575' is not a whole number from 576 to 65499")]
    [InlineData("--overlay web --node 1 --mtu 65500",
        "cups-and-string agent: --mtu: '65500' is not a whole number from 576 to 65499")]
    [InlineData("--overlay web --node 1 --peers a --broker amqp://x",
        "cups-and-string agent: give either --broker or --peers, not both")]
    [InlineData("--overlay web --node 1 --verbose yes",
        "cups-and-string agent: unknown flag --verbose; see --help")]
    public async Task A_bad_flag_is_refused_with_one_line_before_anything_else(string args, string expected)
    {
        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), args.Split(' '));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(expected, error);
    }

    [Fact]
    public async Task A_user_other_than_root_is_refused_with_one_clear_line()
    {
        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => false), "--overlay", "web",
            "--node", "1");

        Assert.Equal(ExitCodes.NoPermission, code);
        Assert.Equal(
            "cups-and-string agent: needs root to create the TUN device and change routes; run it as root",
            error);
    }

    [Fact]
    public async Task A_peers_file_that_is_not_json_is_refused_naming_the_file()
    {
        var path = Path.Combine(_directory, "peers.json");
        await File.WriteAllTextAsync(path, "{ not json");

        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1",
            "--peers", path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"cups-and-string agent: --peers: {path}: not a peer table", error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peers_file_with_a_value_of_the_wrong_kind_names_line_and_path_in_our_words()
    {
        var path = Path.Combine(_directory, "peers.json");
        await File.WriteAllTextAsync(path, "{\"overlay\": \"web\",\n  \"port\": true}");

        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--peers", path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal($"cups-and-string agent: --peers: {path}: not a peer table: expected a whole number "
            + "in range at line 2, $.port", error);
    }

    [Fact]
    public async Task A_directory_given_as_the_peers_file_is_refused_as_a_directory()
    {
        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--peers", _directory);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(
            $"cups-and-string agent: --peers: failed to read peer table {_directory}: it is a directory, "
                + "not a file",
            error);
    }

    [Fact]
    public async Task A_peers_file_for_another_overlay_is_refused()
    {
        var path = Path.Combine(_directory, "peers.json");
        await File.WriteAllTextAsync(path, """
            {"overlay":"db","overlayId":2,"cidr":"10.10.0.0/16","nodePrefixLength":24,"port":8285,"version":1,
             "nodes":[{"number":1,"id":"00000000-0000-0000-0000-000000000001","address":"192.0.2.11",
                       "subnet":"10.10.1.0/24"}]}
            """);

        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1",
            "--peers", path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal($"cups-and-string agent: --peers: {path} describes overlay 'db', not 'web'", error);
    }

    [Fact]
    public async Task A_peers_file_where_two_nodes_share_an_address_is_refused_at_start()
    {
        var path = Path.Combine(_directory, "peers.json");
        await File.WriteAllTextAsync(path, """
            {"overlay":"web","overlayId":2,"cidr":"10.10.0.0/16","nodePrefixLength":24,"port":8285,
             "version":10,
             "nodes":[{"number":1,"id":"00000000-0000-0000-0000-000000000001","address":"192.0.2.60",
                       "subnet":"10.10.1.0/24"},
                      {"number":2,"id":"00000000-0000-0000-0000-000000000002","address":"192.0.2.60",
                       "subnet":"10.10.2.0/24"}]}
            """);

        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--peers", path);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(
            $"cups-and-string agent: --peers: {path}: node 2: address 192.0.2.60 is also node 1's", error);
    }

    [RootFact]
    public async Task A_port_taken_on_the_node_address_is_refused_with_one_line_naming_port_and_overlay()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        var overlay = "pt" + Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))[..6];
        var path = Path.Combine(_directory, "peers.json");
        await File.WriteAllTextAsync(path, $$"""
            {"overlay":"{{overlay}}","overlayId":2,"cidr":"10.10.0.0/16","nodePrefixLength":24,
             "port":{{port}},"version":1,
             "nodes":[{"number":1,"id":"00000000-0000-0000-0000-000000000001","address":"127.0.0.1",
                       "subnet":"10.10.1.0/24"}]}
            """);
        var kernel = new UntouchedNodeKernel();

        var (code, error) = await RunAsync(new AgentVerb((_, _) => kernel, () => true), "--overlay", overlay,
            "--node", "1", "--peers", path, "--mtu", "1400", "--state-dir", _directory,
            "--docker-config", Path.Combine(_directory, "daemon.json"));

        Assert.Equal(ExitCodes.Unavailable, code);
        Assert.Equal(
            $"cups-and-string agent: failed to listen on UDP port {port} for overlay '{overlay}': "
                + "address in use, probably by another overlay's agent; give the overlays different "
                + "ports (create overlay --port)",
            error);
        Assert.Equal(0, kernel.Calls);
    }

    [Fact]
    public async Task A_state_dir_that_is_a_regular_file_is_refused_naming_the_flag()
    {
        var file = Path.Combine(_directory, "state");
        await File.WriteAllTextAsync(file, "");

        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--broker", Broker, "--state-dir", file);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal($"cups-and-string agent: --state-dir: {file} is a file, not a directory", error);
    }

    [Fact]
    public async Task A_docker_config_that_is_a_directory_is_refused_naming_the_flag()
    {
        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--broker", Broker, "--state-dir", _directory, "--docker-config", _directory);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(
            $"cups-and-string agent: --docker-config: {_directory} is a directory; "
                + "give the path of Docker's daemon.json",
            error);
    }

    [Fact]
    public async Task A_docker_config_in_a_folder_that_does_not_exist_is_refused_naming_the_folder()
    {
        var folder = Path.Combine(_directory, "no-docker");

        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--broker", Broker, "--state-dir", _directory,
            "--docker-config", Path.Combine(folder, "daemon.json"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(
            $"cups-and-string agent: --docker-config: the folder {folder} does not exist; "
                + "is Docker installed, or is the path mistyped?",
            error);
    }

    [Fact]
    public void The_default_daemon_json_passes_the_check_even_where_Docker_is_not_installed()
    {
        var options = new AgentOptions("web", LocalNodeSelector.ByNumber(1))
        {
            StateDirectory = Path.Combine(_directory, "state-to-create"),
        };

        var exception = Record.Exception(() => AgentVerb.CheckHostPaths(options));

        Assert.Null(exception);
    }

    [Fact]
    public void A_missing_daemon_json_in_an_existing_folder_and_a_missing_state_dir_pass_the_check()
    {
        var options = new AgentOptions("web", LocalNodeSelector.ByNumber(1))
        {
            StateDirectory = Path.Combine(_directory, "state-to-create"),
            DockerConfig = Path.Combine(_directory, "daemon.json"),
        };

        var exception = Record.Exception(() => AgentVerb.CheckHostPaths(options));

        Assert.Null(exception);
    }

    [Fact]
    public async Task Without_peers_a_broker_address_that_is_not_amqp_is_refused_naming_the_flag()
    {
        var (code, error) = await RunAsync(new AgentVerb(isRoot: () => true), "--overlay", "web",
            "--node", "1", "--broker", "http://127.0.0.1:5672/");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(
            "cups-and-string agent: --broker: 'http://127.0.0.1:5672/' is not a broker address; "
                + "write it as amqp://user:password@host:port/vhost",
            error);
    }

    [Fact]
    public void Every_flag_left_out_takes_its_documented_default()
    {
        var options = AgentVerb.Parse(new Arguments(["--overlay", "web", "--address", "192.0.2.11"],
            new HashSet<string> { "--restart-docker" }));

        Assert.Equal(new AgentOptions("web", LocalNodeSelector.ByAddress("192.0.2.11")), options);
        Assert.Equal("/var/lib/cups-and-string", options.StateDirectory);
        Assert.Equal("/etc/docker/daemon.json", options.DockerConfig);
        Assert.False(options.RestartDocker);
        Assert.Null(options.MtuOverride);
        Assert.Null(options.Broker);
        Assert.Null(options.PeersFile);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReconcileInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.CleanupTimeout);
    }

    [Theory]
    [InlineData("576", 576)]
    [InlineData("65499", 65499)]
    public void The_mtu_flag_takes_both_ends_of_its_range(string text, int expected)
    {
        var options = AgentVerb.Parse(new Arguments(["--overlay", "web", "--node", "1", "--mtu", text],
            new HashSet<string>()));

        Assert.Equal(expected, options.MtuOverride);
    }

    [Fact]
    public void The_help_gives_the_same_mtu_range_as_the_flag_accepts()
    {
        Assert.Contains("--mtu N               overlay MTU, 576 to 65499\n", new AgentVerb().Help,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_id_selects_by_id()
    {
        var id = Guid.NewGuid();
        var options = AgentVerb.Parse(new Arguments(["--overlay", "web", "--node", id.ToString(),
            "--restart-docker"],
            new HashSet<string> { "--restart-docker" }));

        Assert.Equal(LocalNodeSelector.ById(id), options.Node);
        Assert.True(options.RestartDocker);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
