using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;
using static CupsAndString.NodeAgent.Tests.Support.Eventually;

namespace CupsAndString.NodeAgent.Tests.Agent;

/// <summary>
/// The agent runtime with a real TUN device and forwarder (bound to loopback) and a kernel side
/// that only records what it was asked to apply.
/// </summary>
[Collection(NamespaceTests.Name)]
public sealed class AgentRuntimeTests : IDisposable
{
    private readonly string _overlay = "agt" + Random.Shared.Next(0x1000, 0xFFFF).ToString("x4");
    private readonly ChannelPeerTableSource _source = new();
    private readonly RecordingKernel _kernel = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("cas-runtime-").FullName;

    public AgentRuntimeTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
    }

    private PeerTable Table(long version, params int[] nodes) =>
        Tables.ThreeNodes(port: 40000 + Random.Shared.Next(20000), version: version) with
        {
            Overlay = _overlay,
            Nodes = nodes.Select(Tables.Node).ToList(),
        };

    private (AgentRuntime Runtime, Task Running) Start(AgentOptions? options = null)
    {
        // The status file goes to a scratch folder, not the host's state directory.
        var runtime = new AgentRuntime(
            (options ?? new AgentOptions(_overlay, LocalNodeSelector.ByNumber(1))) with
            {
                StateDirectory = _stateDirectory,
            },
            _source,
            _kernel,
            _loggerFactory);
        return (runtime, runtime.RunAsync(_stop.Token));
    }

    [RootFact]
    public async Task A_table_with_this_node_starts_forwarding_and_applies_the_kernel_state()
    {
        var (runtime, running) = Start();

        _source.Publish(Table(1, 1, 2));

        Assert.True(await WaitUntilAsync(() => !_kernel.Applied.IsEmpty));
        var applied = _kernel.Applied.First();
        Assert.Equal(TunDeviceName.For(_overlay), applied.TunName);
        Assert.Equal(1464, applied.Mtu);
        Assert.Equal("10.10.1.0/24", applied.LocalSubnet.ToString());
        Assert.Equal("10.10.0.0/16", applied.OverlayCidr.ToString());
        Assert.Equal("10.10.1.0", applied.TunAddress.ToString());
        Assert.Equal("127.0.0.11", applied.LocalEndPoint.Address.ToString());
        Assert.Equal(1, runtime.Forwarder?.Table.Peers.Count);
        Assert.Contains(_logs.Lines,
            l => l.StartsWith("Information: Agent of overlay " + _overlay + " up: TUN "
            + applied.TunName + ", MTU 1464, subnet 10.10.1.0/24", StringComparison.Ordinal));
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task A_table_without_this_node_is_reported_and_the_agent_waits_for_the_next()
    {
        var (runtime, running) = Start(new AgentOptions(_overlay, LocalNodeSelector.ByAddress("127.0.0.13")));

        _source.Publish(Table(1, 1, 2));
        Assert.True(await WaitUntilAsync(() => _logs.Lines.Any(l => l.Contains("has no entry",
            StringComparison.Ordinal))));
        Assert.Empty(_kernel.Applied);
        Assert.False(running.IsCompleted);
        _source.Publish(Table(2, 1, 2, 3));

        Assert.True(await WaitUntilAsync(() => !_kernel.Applied.IsEmpty));
        Assert.Equal("10.10.3.0/24", _kernel.Applied.First().LocalSubnet.ToString());
        Assert.Contains(_logs.Lines,
            l => l == $"Warning: Version 1 of overlay {_overlay} has no entry for the node "
            + "at 127.0.0.13; waiting for the next table");
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task A_newer_table_is_swapped_into_the_running_forwarder()
    {
        var (runtime, running) = Start();
        var first = Table(1, 1, 2);
        _source.Publish(first);
        Assert.True(await WaitUntilAsync(() => runtime.Forwarder is not null));
        var forwarder = runtime.Forwarder;

        _source.Publish(first with { Version = 2, Nodes = [Tables.Node(1), Tables.Node(2), Tables.Node(3)] });

        Assert.True(await WaitUntilAsync(() => runtime.Forwarder?.Table.Version == 2));
        Assert.Same(forwarder, runtime.Forwarder);
        Assert.Equal(2, runtime.Forwarder!.Table.Peers.Count);
        Assert.Equal(2, _kernel.Applied.Count);
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task Stopping_removes_the_kernel_state_and_the_tun_device()
    {
        var (runtime, running) = Start();
        _source.Publish(Table(1, 1, 2));
        Assert.True(await WaitUntilAsync(() => runtime.Applied is not null));
        var tun = runtime.Applied!.TunName;
        Assert.Equal(0, (await Shell.RunAsync("ip", "link", "show", tun)).ExitCode);

        await _stop.CancelAsync();
        await running;

        Assert.Equal(tun, Assert.Single(_kernel.Removed).TunName);
        Assert.NotEqual(0, (await Shell.RunAsync("ip", "link", "show", tun)).ExitCode);
        Assert.Null(runtime.Forwarder);
        Assert.Contains(_logs.Lines,
            l => l == $"Information: Stopping the agent of overlay {_overlay}: asked to stop");
    }

    [RootFact]
    public async Task The_kernel_state_is_reapplied_on_every_timer_tick()
    {
        var (_, running) = Start(new AgentOptions(_overlay, LocalNodeSelector.ByNumber(1))
        {
            ReconcileInterval = TimeSpan.FromMilliseconds(50),
        });

        _source.Publish(Table(1, 1, 2));

        Assert.True(await WaitUntilAsync(() => _kernel.Applied.Count >= 4));
        Assert.Single(_kernel.Applied.Select(s => s.TunName).Distinct());
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task An_mtu_override_replaces_the_egress_derived_mtu()
    {
        var options = new AgentOptions(_overlay, LocalNodeSelector.ByNumber(1)) { MtuOverride = 1300 };
        var (runtime, running) = Start(options);

        _source.Publish(Table(1, 1, 2));

        Assert.True(await WaitUntilAsync(() => !_kernel.Applied.IsEmpty));
        Assert.Equal(1300, _kernel.Applied.First().Mtu);
        Assert.Equal(1300, runtime.Forwarder?.Mtu);
        await _stop.CancelAsync();
        await running;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _loggerFactory.Dispose();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
