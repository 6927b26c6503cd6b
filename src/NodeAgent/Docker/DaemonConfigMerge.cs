using System.Text.Json;
using System.Text.Json.Nodes;

namespace CupsAndString.NodeAgent.Docker;

/// <summary>
/// Merges the two settings the agent owns, <c>bip</c> and <c>mtu</c>, into the text of Docker's
/// daemon.json. Every other key is kept as it was, in its place and with its value untouched,
/// including keys this code does not know.
/// </summary>
public static class DaemonConfigMerge
{
    public const string BipKey = "bip";
    public const string MtuKey = "mtu";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>
    /// Returns the merged text and whether it differs from <paramref name="existing"/> (null or
    /// blank: no file yet). Malformed JSON, or JSON that is not an object, is an error that names
    /// the file.
    /// </summary>
    public static DaemonConfigMergeResult Merge(string? existing, string bip, int mtu, string fileName)
    {
        var root = string.IsNullOrWhiteSpace(existing) ? new JsonObject() : Parse(existing, fileName);
        var previousBip = ReadString(root, BipKey);
        var previousMtu = ReadInt(root, MtuKey);
        if (previousBip == bip && previousMtu == mtu)
        {
            return new DaemonConfigMergeResult(existing!, Changed: false, previousBip, previousMtu);
        }

        root[BipKey] = bip;
        root[MtuKey] = mtu;
        var text = root.ToJsonString(Indented) + "\n";
        return new DaemonConfigMergeResult(text, Changed: true, previousBip, previousMtu);
    }

    private static JsonObject Parse(string text, string fileName)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DaemonConfigException(
                $"{fileName} is not valid JSON ({e.Message}); it was left unchanged: fix it or move it away",
                e);
        }

        return node as JsonObject
            ?? throw new DaemonConfigException(
                $"{fileName} holds JSON that is not an object; it was left unchanged: "
                + "fix it or move it away");
    }

    private static string? ReadString(JsonObject root, string key) =>
        root[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? ReadInt(JsonObject root, string key) =>
        root[key] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
