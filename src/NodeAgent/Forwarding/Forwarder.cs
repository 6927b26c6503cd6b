using System.Net;
using System.Net.Sockets;
using CupsAndString.NodeAgent.Linux;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// Moves packets between one overlay's TUN device and its UDP socket, in both directions, each
/// on its own thread. The lookup table is swapped by reference with <see cref="Update"/>; the
/// loops read the current reference per packet and never wait on the control plane.
/// The forwarder owns the device and the socket: <see cref="Dispose"/> stops both threads and
/// closes both.
/// </summary>
public sealed class Forwarder : IDisposable
{
    private readonly TunDevice _tun;
    private readonly Socket _socket;
    private readonly ForwarderLog _log;
    private readonly ForwarderMetrics _metrics;
    private readonly Thread _tunThread;
    private readonly Thread _udpThread;
    private readonly TaskCompletionSource _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile ForwardingTable _table;
    private volatile bool _stopping;
    private int _running = 2;

    /// <summary>
    /// Binds the UDP socket to the local node's endpoint and starts both directions. Takes
    /// ownership of <paramref name="tun"/>, also when binding fails. Throws
    /// <see cref="UnderlayListenException"/> when the endpoint cannot be bound.
    /// </summary>
    public Forwarder(TunDevice tun, ForwardingTable table, int mtu, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(tun);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _tun = tun;
        _table = table;
        ArgumentOutOfRangeException.ThrowIfLessThan(mtu, OverlayMtu.Minimum);
        Mtu = mtu;
        LocalEndPoint = table.Local.EndPoint;
        _log = new ForwarderLog(loggerFactory.CreateLogger<Forwarder>());
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(LocalEndPoint);
        }
        catch (SocketException e)
        {
            _socket.Dispose();
            _tun.Dispose();
            throw new UnderlayListenException(table.Overlay, LocalEndPoint, e);
        }
        catch
        {
            _socket.Dispose();
            _tun.Dispose();
            throw;
        }

        _metrics = new ForwarderMetrics(table.Overlay, Counters);
        var tunSide = new TunSide(_tun, _socket, this, _log);
        var udpSide = new UdpSide(_tun, _socket, this, _log);
        _tunThread = new Thread(() => RunSide("TUN", tunSide.Run))
        {
            IsBackground = true,
            Name = "cas tun side",
        };
        _udpThread = new Thread(() => RunSide("UDP", udpSide.Run))
        {
            IsBackground = true,
            Name = "cas udp side",
        };
        _tunThread.Start();
        _udpThread.Start();
        _log.Started(table.Overlay, tun.Name, LocalEndPoint, Mtu, table.Peers.Count);
    }

    public ForwarderCounters Counters { get; } = new();

    /// <summary>The overlay MTU: DF packets above it are answered with ICMP frag-needed.</summary>
    public int Mtu { get; }

    /// <summary>Where the UDP socket is bound (the local node's underlay address and port).</summary>
    public IPEndPoint LocalEndPoint { get; }

    public string TunName => _tun.Name;

    public ForwardingTable Table => _table;

    internal bool IsStopping => _stopping;

    /// <summary>Completes when both directions have ended, faulted when one failed unexpectedly.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Swaps in a new table. It must be for the same overlay and local endpoint; a change of the
    /// local endpoint needs a new forwarder, since the socket is bound to it.
    /// </summary>
    public void Update(ForwardingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.Local.EndPoint.Equals(LocalEndPoint) || table.OverlayId != _table.OverlayId)
        {
            throw new ArgumentException(
                $"table of overlay {table.Overlay} at {table.Local.EndPoint} does not fit a forwarder "
                + $"bound to {LocalEndPoint} for overlay id {_table.OverlayId}",
                nameof(table));
        }

        _table = table;
        _log.TableSwapped(table.Overlay, table.Version, table.Peers.Count);
    }

    /// <summary>Stops both threads, then closes the socket and the TUN device.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _tun.Wake();
        _socket.Dispose();
        _tunThread.Join();
        _udpThread.Join();
        _tun.Dispose();
        _metrics.Dispose();
        _log.Stopped(_table.Overlay, Counters.SentPackets, Counters.ReceivedPackets, Counters.TotalDropped);
    }

    private void RunSide(string direction, Action run)
    {
        Exception? failure = null;
        try
        {
            run();
        }
        catch (Exception e) when (!_stopping)
        {
            failure = e;
            _log.SideFailed(direction, _table.Overlay, e);
        }
        catch (Exception) when (_stopping)
        {
            // A failure while the descriptors are being closed is part of stopping.
        }

        if (failure is not null)
        {
            _completion.TrySetException(failure);
        }

        if (Interlocked.Decrement(ref _running) == 0)
        {
            _completion.TrySetResult();
        }
    }
}
