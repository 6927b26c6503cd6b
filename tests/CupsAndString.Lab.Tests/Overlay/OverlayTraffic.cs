using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab.Tests.Overlay;

/// <summary>
/// UDP and TCP between two containers of a lab, from sockets this process opens inside the
/// containers' namespaces, so the payloads can be compared byte for byte.
/// </summary>
public static class OverlayTraffic
{
    /// <summary>
    /// Sends each payload from one container to the other and waits for it before the next;
    /// returns what arrived and from which address, in order.
    /// </summary>
    public static async Task<IReadOnlyList<(byte[] Payload, IPAddress Source)>> SendUdpAsync(
        LabContainer from,
        LabContainer to,
        IReadOnlyList<byte[]> payloads,
        TimeSpan limit)
    {
        using var receiver = UdpSocket(to);
        using var sender = UdpSocket(from);
        var target = (IPEndPoint)receiver.LocalEndPoint!;
        using var timeout = new CancellationTokenSource(limit);
        var buffer = new byte[64 * 1024];
        var received = new List<(byte[], IPAddress)>();
        foreach (var payload in payloads)
        {
            await sender.SendToAsync(payload, SocketFlags.None, target, timeout.Token);
            var result = await receiver.ReceiveFromAsync(
                buffer,
                SocketFlags.None,
                new IPEndPoint(IPAddress.Any, 0),
                timeout.Token);
            received.Add((buffer[..result.ReceivedBytes], ((IPEndPoint)result.RemoteEndPoint).Address));
        }

        return received;
    }

    /// <summary>
    /// Sends <paramref name="size"/> random bytes over one TCP connection from one container to a
    /// listener in the other; returns the SHA-256 of what was sent, of what arrived, and how many
    /// bytes arrived.
    /// </summary>
    public static async Task<(byte[] Sent, byte[] Received, long Bytes)> TransferTcpAsync(
        LabContainer from,
        LabContainer to,
        int size,
        TimeSpan limit)
    {
        var listener = NetworkNamespace.Run(to.Namespace, () =>
        {
            var created = new TcpListener(to.Address, 0);
            created.Start();
            return created;
        });
        try
        {
            using var timeout = new CancellationTokenSource(limit);
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var receiving = ReceiveAllAsync(listener, timeout.Token);

            var data = RandomNumberGenerator.GetBytes(size);
            using (var client = NetworkNamespace.Run(
                from.Namespace,
                () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)))
            {
                await client.ConnectAsync(new IPEndPoint(to.Address, port), timeout.Token);
                using var stream = new NetworkStream(client, ownsSocket: false);
                await stream.WriteAsync(data, timeout.Token);
                client.Shutdown(SocketShutdown.Send);
                var (hash, bytes) = await receiving;
                return (SHA256.HashData(data), hash, bytes);
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    private static Socket UdpSocket(LabContainer container) =>
        NetworkNamespace.Run(container.Namespace, () =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(container.Address, 0));
            return socket;
        });

    private static async Task<(byte[] Hash, long Bytes)> ReceiveAllAsync(
        TcpListener listener,
        CancellationToken cancellationToken)
    {
        using var socket = await listener.AcceptSocketAsync(cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return (hash.GetHashAndReset(), total);
            }

            hash.AppendData(buffer, 0, read);
            total += read;
        }
    }
}
