using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CupsAndString.Lab;

/// <summary>
/// A lab that is up: the namespaces, links and addresses of a <see cref="LabTopology"/>, and the
/// programs started in it. Disposing it removes everything with the lab's prefix, unless
/// <see cref="Keep"/> was called.
/// </summary>
public sealed class NetworkLab : IAsyncDisposable
{
    private static readonly TimeSpan ShortCommand = TimeSpan.FromSeconds(20);

    private bool _kept;

    private NetworkLab(LabTopology topology, LabFolder folder)
    {
        Topology = topology;
        Folder = folder;
    }

    public LabTopology Topology { get; }

    public LabFolder Folder { get; }

    /// <summary>
    /// Builds the lab, first removing whatever an earlier lab with the same prefix left. On
    /// failure, removes what it built and throws a <see cref="LabException"/> naming the step.
    /// </summary>
    public static async Task<NetworkLab> BuildAsync(
        LabTopology topology,
        Action<string>? progress,
        CancellationToken cancellationToken)
    {
        var report = progress ?? (_ => { });
        if (topology.Options.RemoveLeftovers)
        {
            var leftovers = await RemoveAsync(topology.Names, null, cancellationToken);
            if (!leftovers.IsEmpty)
            {
                report($"removed leftovers of an earlier lab '{topology.Names.Prefix}': {leftovers}");
            }
        }

        var lab = new NetworkLab(topology, new LabFolder(topology.Names));
        lab.Folder.Create();
        try
        {
            using var kernel = new LabKernel();
            await new LabBuilder(topology, kernel, report).BuildAsync(cancellationToken);
            return lab;
        }
        catch
        {
            await RemoveAsync(topology.Names, null, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Removes everything a lab with these names made: the processes it recorded (by PID), its
    /// namespaces, its links in the root namespace, and its folder. Safe when nothing is there.
    /// </summary>
    public static Task<LabRemoval> RemoveAsync(
        LabNames names,
        Action<string>? progress,
        CancellationToken cancellationToken) =>
        LabTeardown.RemoveAsync(names, progress ?? (_ => { }), cancellationToken);

    /// <summary>Leaves the lab up when this object is disposed.</summary>
    public void Keep() => _kept = true;

    public async ValueTask DisposeAsync()
    {
        if (!_kept)
        {
            await RemoveAsync(Topology.Names, null, CancellationToken.None);
        }
    }

    /// <summary>Starts a program (inside a namespace when the start says so) and records its PID.</summary>
    public LabProcess Launch(LabProcessStart start) => Folder.Launch(start);

    /// <summary>Runs a program inside a namespace to its end.</summary>
    public Task<CommandResult> RunAsync(
        string @namespace,
        string program,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken) =>
        LabProcess.RunAsync(
            new LabProcessStart(program, arguments) { Namespace = @namespace },
            ShortCommand,
            cancellationToken);

    /// <summary>Pings an address from a container: count echo requests 0.2 s apart, 1 s to answer.</summary>
    public Task<PingResult> PingAsync(
        LabContainer from,
        IPAddress to,
        int count,
        CancellationToken cancellationToken) =>
        PingFromAsync(from.Namespace, to, count, cancellationToken);

    /// <summary>
    /// Pings an address from a namespace that is not a container (a host or the underlay).
    /// </summary>
    public async Task<PingResult> PingFromAsync(
        string @namespace,
        IPAddress to,
        int count,
        CancellationToken cancellationToken)
    {
        var result = await RunAsync(
            @namespace,
            "ping",
            ["-n", "-q", "-c", count.ToString(CultureInfo.InvariantCulture), "-i", "0.2", "-W", "1",
                to.ToString()],
            cancellationToken);
        return PingResult.Parse(result.Output);
    }

    /// <summary>Fetches a URL with curl from inside a container; the body is the result's output.</summary>
    public Task<CommandResult> FetchAsync(LabContainer from, Uri url, CancellationToken cancellationToken) =>
        RunAsync(
            from.Namespace,
            "curl",
            ["--silent", "--show-error", "--max-time", "10", url.ToString()],
            cancellationToken);

    /// <summary>Serves HTTP inside a container's namespace on its address and the given port.</summary>
    public Task<LabHttpServer> ServeHttpAsync(
        LabContainer on,
        int port,
        string body,
        CancellationToken cancellationToken)
    {
        var listener = LabKernel.RunInNamespace(on.Namespace, () =>
        {
            var created = new TcpListener(on.Address, port);
            created.Start();
            return created;
        });
        return Task.FromResult(LabHttpServer.Start(listener, body));
    }

    /// <summary>
    /// True when a TCP connection from inside the namespace to the endpoint succeeds in time.
    /// </summary>
    public async Task<bool> CanConnectAsync(
        string @namespace,
        IPEndPoint endpoint,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var socket = LabKernel.RunInNamespace(
            @namespace,
            () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, limit.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// The name of the device the namespace's kernel would send a packet for the address to.
    /// </summary>
    public Task<string?> RouteDeviceAsync(
        string @namespace,
        IPAddress destination,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var kernel = new LabKernel();
        return Task.FromResult(kernel.RouteDevice(@namespace, destination));
    }
}
