using System.Diagnostics.Metrics;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// Publishes a forwarder's <see cref="ForwarderCounters"/> as System.Diagnostics.Metrics
/// observable counters, read only when a listener collects, so the hot loops pay nothing extra.
/// Drops carry a "reason" tag (unknown_destination, spoofed_source, ...), every instrument an
/// "overlay" tag.
/// </summary>
public sealed class ForwarderMetrics : IDisposable
{
    public const string MeterName = "CupsAndString.Forwarder";

    private readonly Meter _meter;

    public ForwarderMetrics(string overlay, ForwarderCounters counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var overlayTag = new KeyValuePair<string, object?>("overlay", overlay);
        _meter = new Meter(MeterName);
        _meter.CreateObservableCounter(
            "cups_and_string.forwarder.sent.packets",
            () => new Measurement<long>(counters.SentPackets, overlayTag),
            unit: "{packet}",
            description: "Packets read from the TUN and sent to a peer.");
        _meter.CreateObservableCounter(
            "cups_and_string.forwarder.sent.bytes",
            () => new Measurement<long>(counters.SentBytes, overlayTag),
            unit: "By");
        _meter.CreateObservableCounter(
            "cups_and_string.forwarder.received.packets",
            () => new Measurement<long>(counters.ReceivedPackets, overlayTag),
            unit: "{packet}",
            description: "Datagrams from peers written into the TUN.");
        _meter.CreateObservableCounter(
            "cups_and_string.forwarder.received.bytes",
            () => new Measurement<long>(counters.ReceivedBytes, overlayTag),
            unit: "By");
        _meter.CreateObservableCounter(
            "cups_and_string.forwarder.dropped",
            () => Enum.GetValues<DropReason>().Select(reason => new Measurement<long>(
                counters.Dropped(reason),
                overlayTag,
                new KeyValuePair<string, object?>("reason", TagOf(reason)))),
            unit: "{packet}",
            description: "Packets and datagrams dropped, by reason.");
    }

    /// <summary>The reason as it appears in the "reason" tag, e.g. "unknown_sender".</summary>
    public static string TagOf(DropReason reason) => reason switch
    {
        DropReason.UnknownDestination => "unknown_destination",
        DropReason.UnknownSender => "unknown_sender",
        DropReason.SpoofedSource => "spoofed_source",
        DropReason.WrongDestination => "wrong_destination",
        DropReason.Malformed => "malformed",
        DropReason.NotIpv4 => "not_ipv4",
        DropReason.WrongOverlay => "wrong_overlay",
        DropReason.TooBig => "too_big",
        DropReason.DeviceError => "device_error",
        _ => reason.ToString(),
    };

    public void Dispose() => _meter.Dispose();
}
