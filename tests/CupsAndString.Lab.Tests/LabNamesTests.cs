using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class LabNamesTests
{
    [Fact]
    public void Every_name_of_the_largest_lab_with_the_longest_prefix_fits_in_an_interface_name()
    {
        var topology = LabTopology.Create(new LabOptions
        {
            Prefix = "abcdef",
            Hosts = LabOptions.MaxHosts,
            ContainersPerHost = 3,
        });
        var names = new LabNames("abcdef");
        var links = topology.Hosts.SelectMany(h => new[]
            {
                h.UnderlayInterface, h.UnderlayPort, h.ManagementInterface, h.ManagementPort, h.Bridge,
            })
            .Concat(topology.Containers.SelectMany(c => new[] { c.Interface, c.BridgePort }))
            .Append(names.UnderlayBridge)
            .Append(names.ManagementBridge)
            .Append(names.ContainerPort(99, 99))
            .ToList();

        Assert.All(links, name => Assert.InRange(name.Length, 1, LabNames.MaxInterfaceNameLength));
        Assert.Equal(links.Count, links.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefg")]
    [InlineData("a-b")]
    [InlineData("Lab")]
    [InlineData("la b")]
    public void A_prefix_that_is_empty_too_long_or_has_other_characters_is_refused(string prefix)
    {
        Assert.NotNull(LabNames.ValidatePrefix(prefix));
        Assert.Throws<ArgumentException>(() => new LabNames(prefix));
    }

    [Fact]
    public void A_lab_owns_its_own_names_but_not_those_of_a_lab_whose_prefix_starts_the_same()
    {
        var lab = new LabNames("lab");

        Assert.True(lab.Owns("lab-h1"));
        Assert.True(lab.Owns(lab.ContainerPort(2, 1)));
        Assert.False(lab.Owns("lab2-h1"));
        Assert.False(lab.Owns("lab"));
        Assert.False(lab.Owns("eth0"));
    }
}
