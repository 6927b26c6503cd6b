using System.Text.Json;
using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// Reads and writes <c>STATE-DIR/status-OVERLAY.json</c>. Writing goes through a temporary file in
/// the same folder and a rename, so a reader sees the previous file or the new one, never half.
/// </summary>
public static class AgentStatusFile
{
    /// <summary>The status file of an overlay's agent inside a state directory.</summary>
    public static string PathFor(string stateDirectory, string overlay) =>
        Path.Combine(stateDirectory, $"status-{overlay}.json");

    public static string Serialize(AgentStatus status) =>
        JsonSerializer.Serialize(status, AgentStatusJsonContext.Default.AgentStatus);

    /// <summary>
    /// Writes the file; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    public static void Write(string path, AgentStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        AtomicFile.WriteAllText(path, Serialize(status) + "\n");
    }

    /// <summary>Reads a status file; throws <see cref="InvalidDataException"/> naming the file.</summary>
    public static AgentStatus Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"failed to read agent status {path}: {e.Message}", e);
        }

        AgentStatus? status;
        try
        {
            status = JsonSerializer.Deserialize(json, AgentStatusJsonContext.Default.AgentStatus);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not an agent status file: {e.Message}", e);
        }

        return status is { Overlay: not null, State: not null, Peers: not null, Counters.Dropped: not null }
            ? status
            : throw new InvalidDataException(
                $"{path}: not an agent status file: a required field is missing");
    }
}
