using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using static CupsAndString.NodeAgent.Tests.Support.Eventually;

namespace CupsAndString.NodeAgent.Tests.Agent;

/// <summary>
/// The status file an agent keeps in its state directory, with a real TUN and forwarder on
/// loopback and a recording kernel side.
/// </summary>
[Collection(NamespaceTests.Name)]
public sealed class AgentStatusTests : IDisposable
{
    private readonly string _overlay = "sts" + Random.Shared.Next(0x1000, 0xFFFF).ToString("x4");
    private readonly string _folder = Directory.CreateTempSubdirectory("cas-agent-status-").FullName;
    private readonly ChannelPeerTableSource _source = new();
    private readonly CancellationTokenSource _stop = new();

    private string StatusPath => AgentStatusFile.PathFor(_folder, _overlay);

    private Task Start()
    {
        var options = new AgentOptions(_overlay, LocalNodeSelector.ByNumber(1))
        {
            StateDirectory = _folder,
            StatusInterval = TimeSpan.FromMilliseconds(100),
        };
        var runtime = new AgentRuntime(options, _source, new RecordingKernel(), NullLoggerFactory.Instance);
        return runtime.RunAsync(_stop.Token);
    }

    private PeerTable Table(long version) =>
        Tables.ThreeNodes(port: 40000 + Random.Shared.Next(20000), version: version) with
        {
            Overlay = _overlay,
        };

    [RootFact]
    public async Task Before_any_table_the_status_says_waiting_with_zero_counters()
    {
        var running = Start();

        Assert.True(await WaitUntilAsync(() => File.Exists(StatusPath)));
        var status = AgentStatusFile.Read(StatusPath);

        Assert.Equal(AgentStatus.Waiting, status.State);
        Assert.Equal(_overlay, status.Overlay);
        Assert.Equal(Environment.ProcessId, status.ProcessId);
        Assert.Null(status.Node);
        Assert.Empty(status.Peers);
        Assert.Equal(0, status.Counters.Dropped["unknown_sender"]);
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task A_running_agent_reports_its_node_tun_mtu_version_and_peers()
    {
        var running = Start();

        _source.Publish(Table(5));

        Assert.True(await WaitUntilAsync(() => File.Exists(StatusPath)
            && AgentStatusFile.Read(StatusPath).State == AgentStatus.Running));
        var status = AgentStatusFile.Read(StatusPath);
        Assert.Equal(1, status.Node);
        Assert.Equal(1464, status.Mtu);
        Assert.Equal(5, status.TableVersion);
        Assert.StartsWith("cas-", status.Tun, StringComparison.Ordinal);
        Assert.StartsWith("127.0.0.11:", status.Endpoint, StringComparison.Ordinal);
        Assert.Equal([2, 3], status.Peers.Select(p => p.Node));
        Assert.Equal("10.10.3.0/24", status.Peers[1].Subnet);
        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task The_status_is_rewritten_on_the_timer()
    {
        var running = Start();
        _source.Publish(Table(1));
        Assert.True(await WaitUntilAsync(() => File.Exists(StatusPath)));
        var first = AgentStatusFile.Read(StatusPath).UpdatedAt;

        Assert.True(await WaitUntilAsync(() => AgentStatusFile.Read(StatusPath).UpdatedAt > first));

        await _stop.CancelAsync();
        await running;
    }

    [RootFact]
    public async Task A_stopped_agent_leaves_a_status_that_says_stopped_with_its_last_table()
    {
        var running = Start();
        _source.Publish(Table(3));
        Assert.True(await WaitUntilAsync(() => File.Exists(StatusPath)
            && AgentStatusFile.Read(StatusPath).State == AgentStatus.Running));

        await _stop.CancelAsync();
        await running;

        var status = AgentStatusFile.Read(StatusPath);
        Assert.Equal(AgentStatus.Stopped, status.State);
        Assert.Equal(3, status.TableVersion);
        Assert.Equal(1, status.Node);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
