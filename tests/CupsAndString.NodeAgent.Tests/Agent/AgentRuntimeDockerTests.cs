using System.Text.Json.Nodes;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Docker;
using CupsAndString.NodeAgent.Tests.Docker;
using CupsAndString.NodeAgent.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;
using static CupsAndString.NodeAgent.Tests.Support.Eventually;

namespace CupsAndString.NodeAgent.Tests.Agent;

/// <summary>
/// The agent runtime hands every applied table to Docker's bridge set-up: a real TUN and
/// forwarder on loopback, a recording kernel side, a daemon.json in a scratch folder and a fake
/// Docker engine.
/// </summary>
[Collection(NamespaceTests.Name)]
public sealed class AgentRuntimeDockerTests : IDisposable
{
    private readonly string _overlay = "dkr" + Random.Shared.Next(0x1000, 0xFFFF).ToString("x4");
    private readonly string _folder = Directory.CreateTempSubdirectory("cas-agent-docker-").FullName;
    private readonly ChannelPeerTableSource _source = new();
    private readonly RecordingKernel _kernel = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port = 40000 + Random.Shared.Next(20000);

    public AgentRuntimeDockerTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
    }

    private string DaemonJson => Path.Combine(_folder, "daemon.json");

    private PeerTable Table(long version, params int[] nodes) =>
        Tables.ThreeNodes(port: _port, version: version) with
        {
            Overlay = _overlay,
            Nodes = nodes.Select(Tables.Node).ToList(),
        };

    private (AgentRuntime Runtime, Task Running) Start(FakeDockerEngine engine, bool restartDocker)
    {
        var options = new AgentOptions(_overlay, LocalNodeSelector.ByNumber(2))
        {
            StateDirectory = _folder,
            DockerConfig = DaemonJson,
            RestartDocker = restartDocker,
        };
        var docker = new DockerBridgeSetup(
            new DaemonConfigFile(DaemonJson),
            engine,
            _loggerFactory.CreateLogger<DockerBridgeSetup>());
        var runtime = new AgentRuntime(options, _source, _kernel, _loggerFactory, docker);
        return (runtime, runtime.RunAsync(_stop.Token));
    }

    [RootFact]
    public async Task Each_applied_table_merges_bip_and_mtu_and_keeps_the_other_keys()
    {
        File.WriteAllText(DaemonJson, """{ "log-driver": "journald" }""");
        var (_, running) = Start(new FakeDockerEngine(present: false), restartDocker: false);

        _source.Publish(Table(1, 1, 2));

        Assert.True(await WaitUntilAsync(() => _kernel.Applied.Count == 1
            && File.ReadAllText(DaemonJson).Contains("bip", StringComparison.Ordinal)));
        var merged = JsonNode.Parse(File.ReadAllText(DaemonJson))!.AsObject();
        Assert.Equal("10.10.2.1/24", (string?)merged["bip"]);
        Assert.Equal(1464, (int?)merged["mtu"]);
        Assert.Equal("journald", (string?)merged["log-driver"]);
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task Without_an_engine_the_agent_says_so_once_over_two_tables()
    {
        var (_, running) = Start(new FakeDockerEngine(present: false), restartDocker: true);

        _source.Publish(Table(1, 1, 2));
        _source.Publish(Table(2, 1, 2, 3));

        Assert.True(await WaitUntilAsync(() => _kernel.Applied.Count == 2));
        Assert.Single(_logs.Lines, l => l.Contains("no Docker engine found", StringComparison.Ordinal));
        Assert.True(File.Exists(DaemonJson));
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task With_restarts_allowed_docker_restarts_once_and_not_again_for_an_unchanged_subnet()
    {
        var engine = new FakeDockerEngine(present: true);
        var (_, running) = Start(engine, restartDocker: true);

        _source.Publish(Table(1, 1, 2));
        Assert.True(await WaitUntilAsync(() => _kernel.Applied.Count == 1));
        _source.Publish(Table(2, 1, 2, 3));
        Assert.True(await WaitUntilAsync(() => _kernel.Applied.Count == 2));

        Assert.Equal(1, engine.Restarts);
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task Without_restarts_allowed_docker_is_not_restarted_and_a_warning_says_why()
    {
        var engine = new FakeDockerEngine(present: true);
        var (_, running) = Start(engine, restartDocker: false);

        _source.Publish(Table(1, 1, 2));

        Assert.True(await WaitUntilAsync(() => _logs.Lines.Any(l => l.StartsWith(
            "Warning: Docker must be restarted to use bip 10.10.2.1/24",
            StringComparison.Ordinal))));
        Assert.Equal(0, engine.Restarts);
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task A_broken_daemon_json_is_reported_and_forwarding_goes_on()
    {
        File.WriteAllText(DaemonJson, "{ not json");
        var (runtime, running) = Start(new FakeDockerEngine(present: true), restartDocker: true);

        _source.Publish(Table(1, 1, 2));

        Assert.True(await WaitUntilAsync(() => _logs.Lines.Any(l => l.StartsWith(
            $"Warning: Docker's bridge for overlay {_overlay} was not configured, forwarding goes on: ",
            StringComparison.Ordinal))));
        Assert.NotNull(runtime.Forwarder);
        Assert.False(running.IsCompleted);
        Assert.Equal("{ not json", File.ReadAllText(DaemonJson));
        await _stop.CancelAsync();
        await running;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _loggerFactory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
