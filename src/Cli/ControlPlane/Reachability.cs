using System.Net.Sockets;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>A quick TCP probe, so an absent service is reported in seconds with the reason.</summary>
internal static class Reachability
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>Null when something accepts connections at host:port, otherwise why not.</summary>
    public static async Task<string?> ProbeAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await socket.ConnectAsync(host, port, timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {ProbeTimeout.TotalSeconds} s";
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "no route to the host",
                SocketError.TimedOut => "connection timed out",
                _ => e.Message,
            };
        }
    }
}
