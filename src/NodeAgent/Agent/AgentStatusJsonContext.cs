using System.Text.Json.Serialization;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>The JSON shape of the agent's status file (camelCase, indented).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true)]
[JsonSerializable(typeof(AgentStatus))]
internal sealed partial class AgentStatusJsonContext : JsonSerializerContext;
