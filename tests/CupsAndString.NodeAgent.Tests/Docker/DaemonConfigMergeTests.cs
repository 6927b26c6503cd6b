using System.Text.Json.Nodes;
using CupsAndString.NodeAgent.Docker;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Docker;

public sealed class DaemonConfigMergeTests
{
    [Fact]
    public void Every_other_key_is_kept_with_its_value_and_in_its_place()
    {
        const string existing = """
            {
              "log-driver": "journald",
              "mtu": 1500,
              "registry-mirrors": ["https://mirror.invalid"],
              "x-unknown": { "nested": [1, 2.50, null, true], "deep": { "a": "b" } },
              "big": 12345678901234567890
            }
            """;

        var result = DaemonConfigMerge.Merge(existing, "10.10.3.1/24", 1444, "daemon.json");

        var merged = JsonNode.Parse(result.Text)!.AsObject();
        Assert.True(result.Changed);
        Assert.Equal(
            ["log-driver", "mtu", "registry-mirrors", "x-unknown", "big", "bip"],
            merged.Select(p => p.Key));
        Assert.Equal("journald", (string?)merged["log-driver"]);
        Assert.Equal(1444, (int?)merged["mtu"]);
        Assert.Equal("10.10.3.1/24", (string?)merged["bip"]);
        Assert.Contains("\"nested\": [\n      1,\n      2.50,", result.Text.Replace("\r", string.Empty));
        Assert.Contains("12345678901234567890", result.Text);
        Assert.Equal("{\"a\":\"b\"}", merged["x-unknown"]!["deep"]!.ToJsonString());
    }

    [Fact]
    public void No_file_gives_a_file_with_just_bip_and_mtu()
    {
        var result = DaemonConfigMerge.Merge(null, "10.10.3.1/24", 1444, "daemon.json");

        var merged = JsonNode.Parse(result.Text)!.AsObject();
        Assert.True(result.Changed);
        Assert.Equal(["bip", "mtu"], merged.Select(p => p.Key));
        Assert.Null(result.PreviousBip);
    }

    [Fact]
    public void A_file_that_already_has_both_values_is_unchanged_to_the_byte()
    {
        const string existing = "{ \"bip\": \"10.10.3.1/24\",   \"mtu\": 1444, \"debug\": true }";

        var result = DaemonConfigMerge.Merge(existing, "10.10.3.1/24", 1444, "daemon.json");

        Assert.False(result.Changed);
        Assert.Equal(existing, result.Text);
    }

    [Theory]
    [InlineData("{\"bip\": \"10.10.9.1/24\", \"mtu\": 1444}", "10.10.9.1/24", 1444)]
    [InlineData("{\"bip\": \"10.10.3.1/24\", \"mtu\": 1500}", "10.10.3.1/24", 1500)]
    [InlineData("{\"bip\": \"10.10.3.1/24\", \"mtu\": \"1444\"}", "10.10.3.1/24", null)]
    public void A_different_bip_or_mtu_is_a_change_that_reports_the_previous_values(
        string existing, string previousBip, int? previousMtu)
    {
        var result = DaemonConfigMerge.Merge(existing, "10.10.3.1/24", 1444, "daemon.json");

        Assert.True(result.Changed);
        Assert.Equal(previousBip, result.PreviousBip);
        Assert.Equal(previousMtu, result.PreviousMtu);
    }

    [Theory]
    [InlineData("{ \"bip\": ")]
    [InlineData("{ \"a\": 1, }")]
    [InlineData("not json")]
    public void Malformed_json_is_an_error_that_names_the_file(string existing)
    {
        var error = Assert.Throws<DaemonConfigException>(
            () => DaemonConfigMerge.Merge(existing, "10.10.3.1/24", 1444, "/etc/docker/daemon.json"));

        Assert.StartsWith("/etc/docker/daemon.json is not valid JSON", error.Message);
        Assert.Contains("left unchanged", error.Message);
    }

    [Fact]
    public void Json_that_is_not_an_object_is_an_error_that_names_the_file()
    {
        var error = Assert.Throws<DaemonConfigException>(
            () => DaemonConfigMerge.Merge("[1, 2]", "10.10.3.1/24", 1444, "/etc/docker/daemon.json"));

        Assert.StartsWith("/etc/docker/daemon.json holds JSON that is not an object", error.Message);
    }
}
