using System.Net;
using System.Net.Sockets;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// The UDP side of the forwarder: datagrams from other nodes are accepted only from a known peer
/// endpoint, with a valid header for our overlay, an inner source inside that peer's subnet and
/// an inner destination inside ours; the inner packet is then written into the TUN for the kernel
/// to deliver. Runs on its own thread with buffers allocated once.
/// </summary>
public sealed class UdpSide
{
    /// <summary>The largest UDP payload over IPv4 fits in this buffer, so nothing is cut.</summary>
    public const int MaxDatagram = 64 * 1024;

    private readonly TunDevice _tun;
    private readonly Socket _socket;
    private readonly Forwarder _forwarder;
    private readonly ForwarderCounters _counters;
    private readonly ForwarderLog _log;

    internal UdpSide(TunDevice tun, Socket socket, Forwarder forwarder, ForwarderLog log)
    {
        _tun = tun;
        _socket = socket;
        _forwarder = forwarder;
        _counters = forwarder.Counters;
        _log = log;
    }

    /// <summary>
    /// The per-datagram checks. Returns the length of the inner packet, which starts at
    /// <see cref="WireHeader.Size"/>, or 0 and the reason for dropping the datagram.
    /// </summary>
    public static int Decapsulate(
        ReadOnlySpan<byte> datagram,
        SocketAddress sender,
        ForwardingTable table,
        out DropReason reason)
    {
        // The sender must be a peer's endpoint.
        var peer = table.FindBySender(sender);
        if (peer is null)
        {
            reason = DropReason.UnknownSender;
            return 0;
        }

        // Our header, for our overlay.
        if (WireHeader.TryRead(datagram, out var wire) != WireHeaderStatus.Valid)
        {
            reason = DropReason.Malformed;
            return 0;
        }

        if (wire.OverlayId != table.OverlayId)
        {
            reason = DropReason.WrongOverlay;
            return 0;
        }

        // A whole IPv4 packet inside.
        var status = Ipv4Header.TryParse(datagram[WireHeader.Size..], out var inner);
        if (status != Ipv4ParseStatus.Valid)
        {
            reason = status == Ipv4ParseStatus.Ipv6 ? DropReason.NotIpv4 : DropReason.Malformed;
            return 0;
        }

        // From the sending peer's containers, to ours.
        if (!peer.Subnet.Contains(inner.Source))
        {
            reason = DropReason.SpoofedSource;
            return 0;
        }

        if (!table.Local.Subnet.Contains(inner.Destination))
        {
            reason = DropReason.WrongDestination;
            return 0;
        }

        reason = default;
        return inner.TotalLength;
    }

    internal void Run()
    {
        var buffer = new byte[MaxDatagram];
        var sender = new SocketAddress(AddressFamily.InterNetwork);
        while (true)
        {
            // Receive: fails with ObjectDisposedException or a SocketException once stopping.
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, sender);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                if (_forwarder.IsStopping)
                {
                    return;
                }

                _counters.Drop(DropReason.DeviceError);
                _log.ReceiveFailed(e.SocketErrorCode);
                continue;
            }

            if (_forwarder.IsStopping)
            {
                return;
            }

            // Check.
            var table = _forwarder.Table;
            var packet = Decapsulate(buffer.AsSpan(0, length), sender, table, out var reason);
            if (packet == 0)
            {
                _counters.Drop(reason);
                continue;
            }

            // Deliver.
            try
            {
                if (_tun.Write(buffer.AsSpan(WireHeader.Size, packet)))
                {
                    _counters.Received(packet);
                }
                else
                {
                    _counters.Drop(DropReason.DeviceError);
                }
            }
            catch (TunDeviceException e)
            {
                _counters.Drop(DropReason.DeviceError);
                _log.TunWriteFailed(_tun.Name, e.ErrnoName);
            }
        }
    }
}
