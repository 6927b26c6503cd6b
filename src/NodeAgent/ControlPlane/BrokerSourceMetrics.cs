using System.Diagnostics.Metrics;

namespace CupsAndString.NodeAgent.ControlPlane;

/// <summary>Counters of the broker-fed peer table source.</summary>
public static class BrokerSourceMetrics
{
    public const string MeterName = "CupsAndString.NodeAgent.ControlPlane";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Peer tables received from the broker and dropped because they broke a rule.</summary>
    public static readonly Counter<long> DroppedTables = Meter.CreateCounter<long>(
        "cups_and_string.peer_table.dropped",
        description: "Peer tables from the broker that failed validation and were not applied");
}
