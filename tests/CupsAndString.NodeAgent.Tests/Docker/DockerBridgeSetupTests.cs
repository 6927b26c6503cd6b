using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Docker;
using CupsAndString.Tests.Shared;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Docker;

public sealed class DockerBridgeSetupTests : IDisposable
{
    private static readonly Ipv4Prefix Subnet = Ipv4Prefix.Parse("10.10.3.0/24");

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cas-docker-setup-");
    private readonly CollectingLogger<DockerBridgeSetup> logger = new();

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void The_bip_is_the_first_host_address_of_the_node_subnet_with_its_prefix()
    {
        Assert.Equal("10.10.3.1/24", DockerBridgeSetup.BipFor(Subnet));
        Assert.Equal("10.20.0.129/25", DockerBridgeSetup.BipFor(Ipv4Prefix.Parse("10.20.0.128/25")));
    }

    [Fact]
    public async Task Docker_is_restarted_when_the_file_changed_and_the_operator_allowed_it()
    {
        var engine = new FakeDockerEngine(present: true);

        var outcome = await Setup(engine).ApplyAsync(
            Subnet, 1444, restartAllowed: true, CancellationToken.None);

        Assert.True(outcome.Restarted);
        Assert.Equal(1, engine.Restarts);
    }

    [Fact]
    public async Task Docker_is_not_restarted_without_the_operators_permission_and_the_log_says_how()
    {
        var engine = new FakeDockerEngine(present: true);

        var outcome = await Setup(engine).ApplyAsync(
            Subnet, 1444, restartAllowed: false, CancellationToken.None);

        Assert.True(outcome.Update.Changed);
        Assert.False(outcome.Restarted);
        Assert.Equal(0, engine.Restarts);
        Assert.Contains(
            logger.Lines,
            l => l.Level == LogLevel.Warning && l.Message.Contains("--restart-docker"));
    }

    [Fact]
    public async Task Docker_is_not_restarted_when_nothing_changed()
    {
        var engine = new FakeDockerEngine(present: true);
        var setup = Setup(engine);
        await setup.ApplyAsync(Subnet, 1444, restartAllowed: true, CancellationToken.None);

        var second = await setup.ApplyAsync(Subnet, 1444, restartAllowed: true, CancellationToken.None);

        Assert.False(second.Update.Changed);
        Assert.False(second.Restarted);
        Assert.Equal(1, engine.Restarts);
    }

    [Fact]
    public async Task With_no_engine_it_says_so_once_still_writes_the_file_and_never_restarts()
    {
        var engine = new FakeDockerEngine(present: false);
        var setup = Setup(engine);

        var first = await setup.ApplyAsync(Subnet, 1444, restartAllowed: true, CancellationToken.None);
        var other = Ipv4Prefix.Parse("10.10.4.0/24");
        await setup.ApplyAsync(other, 1444, restartAllowed: true, CancellationToken.None);

        Assert.True(first.Update.Changed);
        Assert.False(first.EnginePresent);
        Assert.Equal(0, engine.Restarts);
        Assert.Single(
            logger.Lines,
            l => l.Message.StartsWith("no Docker engine found", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_path_without_its_folder_means_no_Docker_and_is_said_once()
    {
        var missing = Path.Combine(folder.FullName, "no-docker", "daemon.json");

        var setup = DockerBridgeSetup.ForHost(missing, missing, new FakeDockerEngine(present: false), logger);

        Assert.Null(setup);
        var line = Assert.Single(logger.Lines);
        Assert.Equal(
            $"no Docker on this host ({Path.GetDirectoryName(missing)} does not exist); "
                + "Docker's bridge is left alone",
            line.Message);
    }

    [Fact]
    public void A_path_in_an_existing_folder_gets_a_setup_whether_default_or_chosen()
    {
        var path = Path.Combine(folder.FullName, "daemon.json");

        Assert.NotNull(DockerBridgeSetup.ForHost(path, path, new FakeDockerEngine(present: false), logger));
        Assert.NotNull(DockerBridgeSetup.ForHost(
            path, "/elsewhere/daemon.json", new FakeDockerEngine(present: false), logger));
        Assert.Empty(logger.Lines);
    }

    private DockerBridgeSetup Setup(IDockerEngine engine) =>
        new(new DaemonConfigFile(Path.Combine(folder.FullName, "daemon.json")), engine, logger);
}
