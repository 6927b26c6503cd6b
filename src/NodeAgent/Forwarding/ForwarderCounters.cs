namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// Plain counters of one forwarder: what went through in each direction and what was dropped
/// and why. The hot loops increment them; tests and <see cref="ForwarderMetrics"/> read them.
/// </summary>
public sealed class ForwarderCounters
{
    private static readonly int ReasonCount = Enum.GetValues<DropReason>().Length;

    private readonly long[] _drops = new long[ReasonCount];
    private long _sentPackets;
    private long _sentBytes;
    private long _receivedPackets;
    private long _receivedBytes;
    private long _fragmentationNeededSent;

    /// <summary>Packets read from the TUN and sent to a peer.</summary>
    public long SentPackets => Volatile.Read(ref _sentPackets);

    public long SentBytes => Volatile.Read(ref _sentBytes);

    /// <summary>Datagrams accepted from a peer and written into the TUN.</summary>
    public long ReceivedPackets => Volatile.Read(ref _receivedPackets);

    public long ReceivedBytes => Volatile.Read(ref _receivedBytes);

    /// <summary>ICMP fragmentation-needed messages written back into the TUN.</summary>
    public long FragmentationNeededSent => Volatile.Read(ref _fragmentationNeededSent);

    public long Dropped(DropReason reason) => Volatile.Read(ref _drops[(int)reason]);

    public long TotalDropped
    {
        get
        {
            long total = 0;
            foreach (var reason in Enum.GetValues<DropReason>())
            {
                total += Dropped(reason);
            }

            return total;
        }
    }

    public void Drop(DropReason reason) => Interlocked.Increment(ref _drops[(int)reason]);

    public void Sent(int bytes)
    {
        Interlocked.Increment(ref _sentPackets);
        Interlocked.Add(ref _sentBytes, bytes);
    }

    public void Received(int bytes)
    {
        Interlocked.Increment(ref _receivedPackets);
        Interlocked.Add(ref _receivedBytes, bytes);
    }

    public void FragmentationNeeded() => Interlocked.Increment(ref _fragmentationNeededSent);
}
