using CupsAndString.NodeAgent.Forwarding;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// The forwarder's counters as the status file shows them. "Sent" is TUN to peers, "received"
/// is peers to TUN; <see cref="Dropped"/> has one entry per drop reason, keyed by the same names
/// as the metrics' "reason" tag (unknown_sender, spoofed_source, ...), zeros included.
/// </summary>
public sealed record AgentStatusCounters(
    long SentPackets,
    long SentBytes,
    long ReceivedPackets,
    long ReceivedBytes,
    long FragmentationNeededSent,
    IReadOnlyDictionary<string, long> Dropped)
{
    /// <summary>Every counter at zero, every drop reason present.</summary>
    public static AgentStatusCounters Zero { get; } = From(new ForwarderCounters());

    public static AgentStatusCounters From(ForwarderCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var dropped = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            dropped[ForwarderMetrics.TagOf(reason)] = counters.Dropped(reason);
        }

        return new AgentStatusCounters(
            counters.SentPackets,
            counters.SentBytes,
            counters.ReceivedPackets,
            counters.ReceivedBytes,
            counters.FragmentationNeededSent,
            dropped);
    }
}
