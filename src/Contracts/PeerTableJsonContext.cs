using System.Text.Json.Serialization;

namespace CupsAndString.Contracts;

/// <summary>The JSON shape of a peer table on disk (camelCase, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(PeerTable))]
internal sealed partial class PeerTableJsonContext : JsonSerializerContext;
