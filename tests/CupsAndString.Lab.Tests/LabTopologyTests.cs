using System.Net;
using CupsAndString.Contracts;
using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class LabTopologyTests
{
    private static readonly LabTopology Default = LabTopology.Create(new LabOptions { Prefix = "t" });

    [Fact]
    public void The_default_lab_has_three_hosts_with_two_containers_each()
    {
        Assert.Equal([1, 2, 3], Default.Hosts.Select(h => h.Number));
        Assert.All(Default.Hosts, h => Assert.Equal([1, 2], h.Containers.Select(c => c.Number)));
        Assert.Equal(1 + 3 + 6, Default.Namespaces.Count());
    }

    [Fact]
    public void Host_n_follows_the_address_plan_of_underlay_management_and_bridge()
    {
        var host = Default.Host(3);

        Assert.Equal(IPAddress.Parse("192.0.2.13"), host.UnderlayAddress);
        Assert.Equal(IPAddress.Parse("198.51.100.13"), host.ManagementAddress);
        Assert.Equal(Ipv4Prefix.Parse("10.10.3.0/24"), host.Subnet);
        Assert.Equal(IPAddress.Parse("10.10.3.1"), host.BridgeAddress);
        Assert.Equal(IPAddress.Parse("198.51.100.1"), LabAddresses.ManagementRoot);
    }

    [Fact]
    public void Containers_take_the_addresses_after_the_bridge_and_route_through_it()
    {
        var containers = Default.Host(2).Containers;

        Assert.Equal(
            [IPAddress.Parse("10.10.2.2"), IPAddress.Parse("10.10.2.3")],
            containers.Select(c => c.Address));
        Assert.All(containers, c => Assert.Equal(IPAddress.Parse("10.10.2.1"), c.Gateway));
        Assert.All(containers, c => Assert.Equal(24, c.PrefixLength));
        Assert.Equal("h2c2", containers[1].Label);
    }

    [Fact]
    public void A_subnet_chosen_for_a_host_replaces_the_default_one_for_that_host_only()
    {
        var topology = LabTopology.Create(new LabOptions
        {
            Prefix = "t",
            Subnets = new Dictionary<int, Ipv4Prefix> { [2] = Ipv4Prefix.Parse("10.10.7.0/24") },
        });

        Assert.Equal(IPAddress.Parse("10.10.7.1"), topology.Host(2).BridgeAddress);
        Assert.Equal(IPAddress.Parse("10.10.7.2"), topology.Container(2, 1).Address);
        Assert.Equal(Ipv4Prefix.Parse("10.10.1.0/24"), topology.Host(1).Subnet);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(100, 2)]
    [InlineData(3, 100)]
    public void A_lab_with_a_host_or_container_count_out_of_range_is_refused(int hosts, int containers)
    {
        Assert.Throws<ArgumentException>(() => LabTopology.Create(new LabOptions
        {
            Prefix = "t",
            Hosts = hosts,
            ContainersPerHost = containers,
        }));
    }

    [Fact]
    public void A_subnet_too_small_for_the_containers_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LabTopology.Create(new LabOptions
        {
            Prefix = "t",
            ContainersPerHost = 2,
            Subnets = new Dictionary<int, Ipv4Prefix> { [1] = Ipv4Prefix.Parse("10.10.1.0/30") },
        }));

        Assert.Contains("too small", error.Message, StringComparison.Ordinal);
    }
}
