using System.Text.Json.Nodes;
using CupsAndString.NodeAgent.Docker;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Docker;

public sealed class DaemonConfigFileTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("cas-daemon-json-");

    private string ConfigPath => Path.Combine(folder.FullName, "docker", "daemon.json");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void A_missing_file_and_folder_are_created_with_no_backup()
    {
        var update = new DaemonConfigFile(ConfigPath).Apply("10.10.3.1/24", 1444);

        Assert.True(update.Changed);
        Assert.Null(update.BackupPath);
        Assert.Equal("10.10.3.1/24", (string?)JsonNode.Parse(File.ReadAllText(ConfigPath))!["bip"]);
    }

    [Fact]
    public void A_change_keeps_the_previous_file_byte_for_byte_as_the_backup_and_leaves_no_temporary_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        const string previous = "{\n  \"storage-driver\": \"overlay2\",\n  \"bip\": \"172.31.0.1/16\"\n}\n";
        File.WriteAllText(ConfigPath, previous);

        var update = new DaemonConfigFile(ConfigPath).Apply("10.10.3.1/24", 1444);

        Assert.True(update.Changed);
        Assert.Equal(ConfigPath + ".cups-and-string.bak", update.BackupPath);
        Assert.Equal(previous, File.ReadAllText(update.BackupPath!));
        var merged = JsonNode.Parse(File.ReadAllText(ConfigPath))!;
        Assert.Equal("overlay2", (string?)merged["storage-driver"]);
        Assert.Equal("10.10.3.1/24", (string?)merged["bip"]);
        Assert.Equal(
            ["daemon.json", "daemon.json.cups-and-string.bak"],
            Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Applying_the_same_values_twice_writes_once()
    {
        var file = new DaemonConfigFile(ConfigPath);
        file.Apply("10.10.3.1/24", 1444);
        var written = File.GetLastWriteTimeUtc(ConfigPath);
        var content = File.ReadAllText(ConfigPath);

        var second = file.Apply("10.10.3.1/24", 1444);

        Assert.False(second.Changed);
        Assert.Equal(content, File.ReadAllText(ConfigPath));
        Assert.Equal(written, File.GetLastWriteTimeUtc(ConfigPath));
        Assert.False(File.Exists(file.BackupPath));
    }

    [Fact]
    public void A_malformed_file_is_reported_by_path_and_left_exactly_as_it_was()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        const string broken = "{ \"debug\": true,, }";
        File.WriteAllText(ConfigPath, broken);

        var error = Assert.Throws<DaemonConfigException>(
            () => new DaemonConfigFile(ConfigPath).Apply("10.10.3.1/24", 1444));

        Assert.StartsWith($"{ConfigPath} is not valid JSON", error.Message);
        Assert.Equal(broken, File.ReadAllText(ConfigPath));
        Assert.False(File.Exists(ConfigPath + ".cups-and-string.bak"));
    }
}
