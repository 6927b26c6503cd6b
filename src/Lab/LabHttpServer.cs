using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CupsAndString.Lab;

/// <summary>
/// A small HTTP/1.1 server for lab traffic: every GET gets 200 and a fixed body. It serves on a
/// listener created by the caller, so a listener opened inside a container's namespace serves
/// inside that namespace (a socket keeps the namespace it was created in).
/// </summary>
public sealed class LabHttpServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 8192;

    private readonly TcpListener _listener;
    private readonly byte[] _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _served;

    private LabHttpServer(TcpListener listener, string body)
    {
        _listener = listener;
        Body = body;
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + $"Content-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n";
        _response = [.. Encoding.ASCII.GetBytes(head), .. bodyBytes];
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>The body every request gets.</summary>
    public string Body { get; }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>How many requests got a response.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>Serves on a listener that is already started.</summary>
    public static LabHttpServer Start(TcpListener listener, string body) => new(listener, body);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected end of the accept loop.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                if (await ReadRequestHeadAsync(client, cancellationToken))
                {
                    await client.SendAsync(_response, SocketFlags.None, cancellationToken);
                    Interlocked.Increment(ref _served);
                }

                client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // A client that goes away or a server that stops ends this connection only.
            }
        }
    }

    /// <summary>Reads until the blank line that ends the request head; false if it never comes.</summary>
    private static async Task<bool> ReadRequestHeadAsync(Socket client, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await client.ReceiveAsync(
                buffer.AsMemory(length),
                SocketFlags.None,
                cancellationToken);
            if (read == 0)
            {
                return false;
            }

            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
