using CupsAndString.Lab;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests;

[Collection(NamespaceLabCollection.Name)]
public sealed class LabLifecycleTests
{
    private static IReadOnlyList<string> NamespacesOf(LabNames names) =>
        NetworkNamespace.List().Where(names.Owns).Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> RootLinksOf(LabNames names) =>
        Directory.GetFileSystemEntries("/sys/class/net").Select(Path.GetFileName).OfType<string>()
            .Where(names.Owns).Order(StringComparer.Ordinal).ToList();

    [NamespaceLabFact]
    public async Task A_lab_builds_every_namespace_and_tearing_it_down_leaves_nothing_with_its_prefix()
    {
        var topology = LabTopology.Create(
            new LabOptions { Prefix = "tlife1", Hosts = 2, ContainersPerHost = 1 });
        var steps = new List<string>();

        await using (var lab = await NetworkLab.BuildAsync(topology, steps.Add, CancellationToken.None))
        {
            Assert.Equal(topology.Namespaces.Order(StringComparer.Ordinal), NamespacesOf(topology.Names));
            Assert.Equal(
                ["tlife1-h1mgp", "tlife1-h2mgp", "tlife1-mgmt"],
                RootLinksOf(topology.Names));
            Assert.True(Directory.Exists(lab.Folder.Path));
            Assert.Contains(steps, s => s.Contains("tlife1-h2br 10.10.2.1/24", StringComparison.Ordinal));
        }

        Assert.Empty(NamespacesOf(topology.Names));
        Assert.Empty(RootLinksOf(topology.Names));
        Assert.False(Directory.Exists(new LabFolder(topology.Names).Path));
    }

    [NamespaceLabFact]
    public async Task A_leftover_lab_with_the_same_prefix_is_removed_before_building()
    {
        var names = new LabNames("tlife2");
        var crashed = await NetworkLab.BuildAsync(
            LabTopology.Create(new LabOptions { Prefix = names.Prefix, Hosts = 3, ContainersPerHost = 1 }),
            null,
            CancellationToken.None);
        crashed.Keep();
        var orphan = crashed.Launch(
            new LabProcessStart("sleep", ["300"]) { Namespace = names.HostNamespace(3) });
        orphan.Detach();

        var steps = new List<string>();
        var smaller = LabTopology.Create(
            new LabOptions { Prefix = names.Prefix, Hosts = 2, ContainersPerHost = 1 });
        await using (var lab = await NetworkLab.BuildAsync(smaller, steps.Add, CancellationToken.None))
        {
            Assert.Equal(smaller.Namespaces.Order(StringComparer.Ordinal), NamespacesOf(names));
            Assert.DoesNotContain(names.HostManagementPort(3), RootLinksOf(names));
            Assert.False(LabFolder.IsRunning(orphan.Pid));
            Assert.Contains(
                "removed leftovers of an earlier lab 'tlife2': 1 processes, 7 namespaces",
                steps[0],
                StringComparison.Ordinal);
            var ping = await lab.PingFromAsync(
                smaller.Host(1).Namespace,
                smaller.Host(2).UnderlayAddress,
                1,
                CancellationToken.None);
            Assert.True(ping.Succeeded, ping.Output);
        }

        await orphan.DisposeAsync();
        Assert.Empty(NamespacesOf(names));
    }

    [NamespaceLabFact]
    public async Task Building_without_removing_leftovers_keeps_a_program_the_caller_recorded_before()
    {
        var names = new LabNames("tlife4");
        await NetworkLab.RemoveAsync(names, null, CancellationToken.None);
        var folder = new LabFolder(names);
        await using var early = folder.Launch(new LabProcessStart("sleep", ["300"]));

        var topology = LabTopology.Create(new LabOptions
        {
            Prefix = names.Prefix,
            Hosts = 1,
            ContainersPerHost = 1,
            RemoveLeftovers = false,
        });
        await using (var lab = await NetworkLab.BuildAsync(topology, null, CancellationToken.None))
        {
            Assert.True(LabFolder.IsRunning(early.Pid));
            Assert.Equal([early.Pid], lab.Folder.LiveProcesses());
        }

        Assert.False(LabFolder.IsRunning(early.Pid));
    }

    [NamespaceLabFact]
    public async Task Removing_a_lab_that_is_not_there_removes_nothing()
    {
        var removed = await NetworkLab.RemoveAsync(new LabNames("tlife3"), null, CancellationToken.None);

        Assert.True(removed.IsEmpty);
    }
}
