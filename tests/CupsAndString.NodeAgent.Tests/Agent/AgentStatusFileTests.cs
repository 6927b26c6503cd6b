using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Forwarding;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Agent;

public sealed class AgentStatusFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cas-status-file-").FullName;

    private static AgentStatus Sample()
    {
        var counters = new ForwarderCounters();
        counters.Sent(100);
        counters.Sent(60);
        counters.Received(40);
        counters.Drop(DropReason.UnknownSender);
        counters.Drop(DropReason.UnknownSender);
        counters.Drop(DropReason.TooBig);
        counters.FragmentationNeeded();
        return new AgentStatus(
            "web",
            AgentStatus.Running,
            4321,
            new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero),
            3,
            "cas-web",
            1464,
            9,
            "192.0.2.13:8285",
            [new AgentStatusPeer(1, "10.10.1.0/24", "192.0.2.11:8285")],
            AgentStatusCounters.From(counters));
    }

    [Fact]
    public void The_path_is_status_dash_overlay_dot_json_in_the_state_directory()
    {
        Assert.Equal("/var/lib/cups-and-string/status-web.json",
            AgentStatusFile.PathFor("/var/lib/cups-and-string", "web"));
    }

    [Fact]
    public void A_written_status_reads_back_with_every_field_and_every_drop_reason()
    {
        var path = Path.Combine(_folder, "status-web.json");

        AgentStatusFile.Write(path, Sample());
        var read = AgentStatusFile.Read(path);

        Assert.Equal("web", read.Overlay);
        Assert.Equal(3, read.Node);
        Assert.Equal("192.0.2.11:8285", Assert.Single(read.Peers).Endpoint);
        Assert.Equal(2, read.Counters.SentPackets);
        Assert.Equal(160, read.Counters.SentBytes);
        Assert.Equal(40, read.Counters.ReceivedBytes);
        Assert.Equal(1, read.Counters.FragmentationNeededSent);
        Assert.Equal(2, read.Counters.Dropped["unknown_sender"]);
        Assert.Equal(1, read.Counters.Dropped["too_big"]);
        Assert.Equal(Enum.GetValues<DropReason>().Length, read.Counters.Dropped.Count);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero), read.UpdatedAt);
    }

    [Fact]
    public void The_file_uses_camel_case_names()
    {
        var path = Path.Combine(_folder, "status-web.json");

        AgentStatusFile.Write(path, Sample());
        var text = File.ReadAllText(path);

        Assert.Contains("\"tableVersion\": 9", text, StringComparison.Ordinal);
        Assert.Contains("\"unknown_sender\": 2", text, StringComparison.Ordinal);
        Assert.Contains("\"processId\": 4321", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_leaves_no_temporary_file_behind()
    {
        AgentStatusFile.Write(Path.Combine(_folder, "status-web.json"), Sample());

        Assert.Equal(["status-web.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{ broken", "not an agent status file")]
    [InlineData("{}", "a required field is missing")]
    public void A_bad_file_is_one_sentence_naming_the_file(string text, string expected)
    {
        var path = Path.Combine(_folder, "status-bad.json");
        File.WriteAllText(path, text);

        var error = Assert.Throws<InvalidDataException>(() => AgentStatusFile.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_says_it_could_not_be_read()
    {
        var path = Path.Combine(_folder, "status-none.json");

        var error = Assert.Throws<InvalidDataException>(() => AgentStatusFile.Read(path));

        Assert.StartsWith($"failed to read agent status {path}", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
