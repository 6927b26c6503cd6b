using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>The forwarder's log messages. Nothing here is written per packet above Debug.</summary>
internal sealed partial class ForwarderLog(ILogger logger)
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Forwarding overlay {Overlay} between TUN {Tun} and {Endpoint}, MTU {Mtu}, {Peers} peers")]
    public partial void Started(string overlay, string tun, IPEndPoint endpoint, int mtu, int peers);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information,
        Message = "Forwarding table of overlay {Overlay} now version {Version} with {Peers} peers")]
    public partial void TableSwapped(string overlay, long version, int peers);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information,
        Message = "Stopped forwarding overlay {Overlay}: {Sent} packets sent, {Received} received, "
            + "{Dropped} dropped")]
    public partial void Stopped(string overlay, long sent, long received, long dropped);

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug,
        Message = "Failed to send a datagram to {Endpoint}: {Error}")]
    public partial void SendFailed(IPEndPoint endpoint, SocketError error);

    [LoggerMessage(EventId = 111, Level = LogLevel.Debug,
        Message = "Failed to receive a datagram: {Error}")]
    public partial void ReceiveFailed(SocketError error);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug,
        Message = "Failed to write a packet into {Tun}: {Errno}")]
    public partial void TunWriteFailed(string tun, string errno);

    [LoggerMessage(EventId = 120, Level = LogLevel.Error,
        Message = "The {Direction} side of overlay {Overlay} stopped on an unexpected error")]
    public partial void SideFailed(string direction, string overlay, Exception exception);
}
