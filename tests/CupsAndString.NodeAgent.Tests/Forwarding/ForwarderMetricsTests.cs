using System.Diagnostics.Metrics;
using CupsAndString.NodeAgent.Forwarding;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class ForwarderMetricsTests
{
    [Fact]
    public void Drops_are_published_per_reason_with_the_overlay_tag()
    {
        var counters = new ForwarderCounters();
        counters.Drop(DropReason.SpoofedSource);
        counters.Drop(DropReason.SpoofedSource);
        counters.Drop(DropReason.NotIpv4);
        using var metrics = new ForwarderMetrics("metrics-test", counters);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ForwarderMetrics.MeterName
                    && instrument.Name == "cups_and_string.forwarder.dropped")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => (string?)t.Value);
            if (map["overlay"] == "metrics-test")
            {
                seen[map["reason"]!] = value;
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(2, seen["spoofed_source"]);
        Assert.Equal(1, seen["not_ipv4"]);
        Assert.Equal(0, seen["unknown_sender"]);
        Assert.Equal(Enum.GetValues<DropReason>().Length, seen.Count);
    }

    [Fact]
    public void Counters_add_up_packets_and_bytes_per_direction()
    {
        var counters = new ForwarderCounters();

        counters.Sent(100);
        counters.Sent(50);
        counters.Received(70);
        counters.Drop(DropReason.Malformed);

        Assert.Equal((2, 150, 1, 70, 1), (counters.SentPackets, counters.SentBytes, counters.ReceivedPackets,
            counters.ReceivedBytes, counters.TotalDropped));
    }
}
