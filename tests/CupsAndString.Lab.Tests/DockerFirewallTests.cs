using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class DockerFirewallTests
{
    [Fact]
    public void The_rules_drop_forwarded_traffic_by_default_and_accept_only_the_bridge_and_its_replies()
    {
        var rules = DockerFirewall.Rules("lab-h1br").Select(r => string.Join(' ', r)).ToList();

        Assert.Equal(
            [
                "-w -P FORWARD DROP",
                "-w -A FORWARD -o lab-h1br -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                "-w -A FORWARD -i lab-h1br ! -o lab-h1br -j ACCEPT",
                "-w -A FORWARD -i lab-h1br -o lab-h1br -j ACCEPT",
            ],
            rules);
    }
}
