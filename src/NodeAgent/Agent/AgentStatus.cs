namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// What one agent reports about itself in <c>STATE-DIR/status-OVERLAY.json</c>: written every few
/// seconds while it runs and once more when it stops, so an operator (or the status verb) can see
/// which table it forwards from and what its forwarder has moved and dropped.
/// </summary>
/// <param name="Overlay">The overlay the agent serves.</param>
/// <param name="State">"waiting" (no table with this node yet), "running" or "stopped".</param>
/// <param name="ProcessId">The agent's process id.</param>
/// <param name="UpdatedAt">When this file was written.</param>
/// <param name="Node">This node's number, or null while waiting.</param>
/// <param name="Tun">The TUN device's name, or null while waiting.</param>
/// <param name="Mtu">The overlay MTU, or null while waiting.</param>
/// <param name="TableVersion">The version of the peer table last applied, or null.</param>
/// <param name="Endpoint">This node's UDP endpoint (underlay address and port), or null.</param>
/// <param name="Peers">The other nodes the forwarder sends to.</param>
/// <param name="Counters">The forwarder's counters since it started (zero before that).</param>
public sealed record AgentStatus(
    string Overlay,
    string State,
    int ProcessId,
    DateTimeOffset UpdatedAt,
    int? Node,
    string? Tun,
    int? Mtu,
    long? TableVersion,
    string? Endpoint,
    IReadOnlyList<AgentStatusPeer> Peers,
    AgentStatusCounters Counters)
{
    public const string Waiting = "waiting";
    public const string Running = "running";
    public const string Stopped = "stopped";
}
