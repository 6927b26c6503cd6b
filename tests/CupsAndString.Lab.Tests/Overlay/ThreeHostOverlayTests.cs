using System.Text;
using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests.Overlay;

/// <summary>
/// Three hosts joined by the overlay, with real agents from a static peer table. The tests that
/// kill or stop an agent start it again and wait for traffic before they end, so the tests of
/// this class can run in any order.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class ThreeHostOverlayTests(ThreeHostOverlayFixture fixture)
    : IClassFixture<ThreeHostOverlayFixture>
{
    private static readonly TimeSpan TrafficLimit = TimeSpan.FromSeconds(20);

    private static string Tun => TunDeviceName.For(OverlayLabFixture.Overlay);

    private NetworkLab Lab => fixture.Lab;

    private LabContainer Container(int host, int number) => fixture.Topology.Container(host, number);

    [NamespaceLabFact]
    public async Task Every_container_pings_every_container_on_the_other_hosts()
    {
        var failures = new List<string>();
        var pairs = 0;
        foreach (var from in fixture.Topology.Containers)
        {
            foreach (var to in fixture.Topology.Containers.Where(c => c.Host != from.Host))
            {
                pairs++;
                var ping = await Lab.PingAsync(from, to.Address, 1, CancellationToken.None);
                if (!ping.Succeeded)
                {
                    failures.Add($"{from.Label} -> {to.Label}");
                }
            }
        }

        Assert.Equal(24, pairs);
        Assert.True(failures.Count == 0, string.Join(", ", failures) + "\n" + fixture.Logs());
    }

    [NamespaceLabFact]
    public async Task Udp_datagrams_cross_from_host_one_to_host_three_and_from_host_three_to_host_two()
    {
        byte[][] payloads = [Encoding.ASCII.GetBytes("over three hosts"), new byte[1400]];

        var oneToThree = await OverlayTraffic.SendUdpAsync(
            Container(1, 1),
            Container(3, 2),
            payloads,
            TrafficLimit);
        var threeToTwo = await OverlayTraffic.SendUdpAsync(
            Container(3, 2),
            Container(2, 1),
            payloads,
            TrafficLimit);

        Assert.Equal(payloads, oneToThree.Select(a => a.Payload));
        Assert.All(oneToThree, a => Assert.Equal(Container(1, 1).Address, a.Source));
        Assert.Equal(payloads, threeToTwo.Select(a => a.Payload));
        Assert.All(threeToTwo, a => Assert.Equal(Container(3, 2).Address, a.Source));
    }

    [NamespaceLabFact]
    public async Task Ten_mebibytes_over_tcp_from_host_three_to_host_one_keep_their_sha256()
    {
        const int size = 10 * 1024 * 1024;

        var (sent, received, bytes) = await OverlayTraffic.TransferTcpAsync(
            Container(3, 1),
            Container(1, 2),
            size,
            TrafficLimit);

        Assert.Equal(size, bytes);
        Assert.Equal(Convert.ToHexString(sent), Convert.ToHexString(received));
    }

    [NamespaceLabFact]
    public async Task A_killed_agent_started_again_restores_traffic_without_duplicate_routes_or_rules()
    {
        var host = fixture.Topology.Host(2);
        var rulesBefore = await CasRulesAsync(host);

        await fixture.KillAgentAsync(2);
        var whileDead = await Lab.PingAsync(
            Container(1, 1),
            Container(2, 1).Address,
            1,
            CancellationToken.None);
        var rulesWhileDead = await CasRulesAsync(host);
        fixture.StartAgent(2);
        await fixture.WaitForOverlayAsync(Container(1, 1), Container(2, 1), CancellationToken.None);
        await fixture.WaitForOverlayAsync(Container(2, 2), Container(3, 1), CancellationToken.None);

        Assert.False(whileDead.Succeeded, whileDead.Output);
        Assert.NotEmpty(rulesBefore);
        Assert.Equal(rulesBefore, rulesWhileDead);
        Assert.Equal(rulesBefore, await CasRulesAsync(host));
        Assert.Equal(
            [$"10.10.0.0/16 dev {Tun} scope link src 10.10.2.0"],
            await AgentRoutesAsync(host));
        Assert.Single(
            Lines(await fixture.RunAsync(host.Namespace, "ip", "-4", "-o", "address", "show", "dev", Tun)));
    }

    [NamespaceLabFact]
    public async Task A_stopped_agent_removes_its_route_chain_and_tun_and_says_stopped_in_its_status()
    {
        var host = fixture.Topology.Host(3);
        Assert.NotEmpty(await AgentRoutesAsync(host));

        await fixture.StopAgentAsync(3);
        var routes = await AgentRoutesAsync(host);
        var rules = await CasRulesAsync(host);
        var link = await Lab.RunAsync(
            host.Namespace,
            "ip",
            ["link", "show", "dev", Tun],
            CancellationToken.None);
        var status = AgentStatusFile.Read(fixture.StatusFile(3));
        var whileStopped = await Lab.PingAsync(
            Container(1, 2),
            Container(3, 1).Address,
            1,
            CancellationToken.None);
        fixture.StartAgent(3);
        await fixture.WaitForOverlayAsync(Container(1, 2), Container(3, 1), CancellationToken.None);
        await fixture.WaitForOverlayAsync(Container(3, 2), Container(2, 2), CancellationToken.None);

        Assert.Empty(routes);
        Assert.Empty(rules);
        Assert.NotEqual(0, link.ExitCode);
        Assert.Equal(AgentStatus.Stopped, status.State);
        Assert.Equal(3, status.Node);
        Assert.False(whileStopped.Succeeded, whileStopped.Output);
    }

    /// <summary>Every iptables line of the host that names the agent's chain, sorted.</summary>
    private async Task<List<string>> CasRulesAsync(LabHost host)
    {
        var chain = IptablesFirewall.ChainFor(Tun);
        var rules = await fixture.RunAsync(host.Namespace, "iptables", "-w", "-S");
        return Lines(rules).Where(l => l.Contains(chain, StringComparison.Ordinal)).Order().ToList();
    }

    /// <summary>The routes marked with the agent's protocol number.</summary>
    private async Task<List<string>> AgentRoutesAsync(LabHost host) =>
        Lines(await fixture.RunAsync(host.Namespace, "ip", "-4", "route", "show", "proto", "85"));

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
