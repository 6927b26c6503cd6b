using System.Net.Sockets;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// The TUN side of the forwarder: packets the kernel routed into the TUN (from local containers
/// towards other nodes) are checked, looked up, given our header and sent as one UDP datagram to
/// the node that owns the destination. Runs on its own thread with buffers allocated once.
/// </summary>
public sealed class TunSide
{
    /// <summary>The largest IP packet: the 16-bit total length field's limit.</summary>
    public const int MaxPacket = ushort.MaxValue;

    private readonly TunDevice _tun;
    private readonly Socket _socket;
    private readonly Forwarder _forwarder;
    private readonly ForwarderCounters _counters;
    private readonly ForwarderLog _log;

    internal TunSide(TunDevice tun, Socket socket, Forwarder forwarder, ForwarderLog log)
    {
        _tun = tun;
        _socket = socket;
        _forwarder = forwarder;
        _counters = forwarder.Counters;
        _log = log;
    }

    /// <summary>
    /// The per-packet decision. <paramref name="buffer"/> holds the packet read from the TUN at
    /// offset <see cref="WireHeader.Size"/>; on success the header is written in front of it and
    /// the datagram length is returned with the peer to send it to. On a drop it returns 0 and
    /// the reason; <see cref="DropReason.TooBig"/> means a frag-needed answer is due.
    /// </summary>
    public static int Encapsulate(
        Span<byte> buffer,
        int packetLength,
        ForwardingTable table,
        int mtu,
        out ForwardingPeer? peer,
        out DropReason reason)
    {
        peer = null;
        var packet = buffer.Slice(WireHeader.Size, packetLength);

        // Only IPv4 crosses the overlay.
        var status = Ipv4Header.TryParse(packet, out var header);
        if (status != Ipv4ParseStatus.Valid)
        {
            reason = status == Ipv4ParseStatus.Ipv6 ? DropReason.NotIpv4 : DropReason.Malformed;
            return 0;
        }

        // The node whose subnet holds the destination.
        peer = table.FindByDestination(header.Destination);
        if (peer is null)
        {
            reason = DropReason.UnknownDestination;
            return 0;
        }

        // Larger than the overlay carries and not to be fragmented: the sender must shrink it.
        if (header.TotalLength > mtu && header.DontFragment)
        {
            reason = DropReason.TooBig;
            return 0;
        }

        WireHeader.Data(table.OverlayId).Write(buffer);
        reason = default;
        return WireHeader.Size + header.TotalLength;
    }

    internal void Run()
    {
        var buffer = new byte[WireHeader.Size + MaxPacket];
        var reply = new byte[IcmpFragmentationNeeded.MaxLength];
        while (true)
        {
            // Read: returns 0 only when the forwarder is stopping.
            var length = _tun.Read(buffer.AsSpan(WireHeader.Size));
            if (length == 0)
            {
                if (_tun.IsClosing)
                {
                    return;
                }

                continue;
            }

            // Decide.
            var table = _forwarder.Table;
            var mtu = _forwarder.Mtu;
            var datagram = Encapsulate(buffer, length, table, mtu, out var peer, out var reason);
            if (datagram == 0)
            {
                _counters.Drop(reason);
                if (reason == DropReason.TooBig)
                {
                    AnswerTooBig(buffer.AsSpan(WireHeader.Size, length), table, mtu, reply);
                }

                continue;
            }

            // Send.
            try
            {
                _socket.SendTo(buffer.AsSpan(0, datagram), SocketFlags.None, peer!.SocketAddress);
                _counters.Sent(datagram - WireHeader.Size);
            }
            catch (SocketException e)
            {
                _counters.Drop(DropReason.DeviceError);
                _log.SendFailed(peer!.EndPoint, e.SocketErrorCode);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private void AnswerTooBig(ReadOnlySpan<byte> packet, ForwardingTable table, int mtu, byte[] reply)
    {
        Ipv4Header.TryParse(packet, out var header);
        if (!IcmpFragmentationNeeded.MayAnswer(packet, header))
        {
            return;
        }

        var length = IcmpFragmentationNeeded.Write(packet, header, table.TunAddress, mtu, reply);
        try
        {
            if (_tun.Write(reply.AsSpan(0, length)))
            {
                _counters.FragmentationNeeded();
            }
        }
        catch (TunDeviceException e)
        {
            _log.TunWriteFailed(_tun.Name, e.ErrnoName);
        }
    }
}
