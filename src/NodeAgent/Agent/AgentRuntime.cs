using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Docker;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Hosting;
using CupsAndString.NodeAgent.Linux;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// Runs one agent: follows the overlay's peer tables, finds this node in each, applies the
/// kernel state, starts the forwarder once and swaps its table for every newer version, and
/// re-applies the kernel state on a timer. On cancellation (SIGTERM, Ctrl-C) it stops the
/// forwarder and removes the kernel state it added.
/// </summary>
public sealed class AgentRuntime
{
    /// <summary>The egress MTU assumed while this node is alone (no peer to measure the path to).</summary>
    public const int DefaultEgressMtu = 1500;

    private readonly AgentOptions _options;
    private readonly IPeerTableSource _source;
    private readonly INodeKernel _kernel;
    private readonly DockerBridgeSetup? _docker;
    private readonly ILoggerFactory _loggerFactory;
    private readonly AgentLog _log;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private Forwarder? _forwarder;
    private NodeKernelState? _applied;

    // The last forwarder and node, kept after a stop so the final status still shows them.
    private Forwarder? _lastForwarder;
    private int? _lastNode;
    private bool _statusFailing;
    private readonly TaskCompletionSource _forwarderFailed =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgentRuntime(
        AgentOptions options,
        IPeerTableSource source,
        INodeKernel kernel,
        ILoggerFactory loggerFactory,
        DockerBridgeSetup? docker = null)
    {
        _options = options;
        _source = source;
        _kernel = kernel;
        _docker = docker;
        _loggerFactory = loggerFactory;
        _log = new AgentLog(loggerFactory.CreateLogger<AgentRuntime>());
    }

    /// <summary>The running forwarder, once a table with this node was applied.</summary>
    public Forwarder? Forwarder => _forwarder;

    /// <summary>The kernel state last applied.</summary>
    public NodeKernelState? Applied => _applied;

    /// <summary>Runs until cancelled, then cleans up; throws when forwarding fails for good.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        WriteStatus(AgentStatus.Waiting);
        var follow = FollowAsync(stop.Token);
        var reconcile = ReconcileAsync(stop.Token);
        var status = StatusAsync(stop.Token);
        try
        {
            var first = await Task.WhenAny(follow, reconcile, WatchForwarderAsync(stop.Token));
            await first;
            _log.Stopping(_options.Overlay, "the peer table source ended");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.Stopping(_options.Overlay, "asked to stop");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(follow, reconcile, status).ContinueWith(_ => { }, TaskScheduler.Default);

            // The stop token has fired by now: the last clean-up is bounded by its own timeout only.
            await CleanUpAsync(CancellationToken.None);
            WriteStatus(AgentStatus.Stopped);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        await foreach (var table in _source.FollowAsync(cancellationToken))
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await ApplyTableAsync(table, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task ApplyTableAsync(PeerTable table, CancellationToken cancellationToken)
    {
        // Our overlay, our node, a consistent table.
        if (table.Overlay != _options.Overlay)
        {
            _log.OtherOverlay(table.Overlay, _options.Overlay);
            return;
        }

        var local = _options.Node.Find(table);
        if (local is null)
        {
            if (_forwarder is not null)
            {
                _log.LocalNodeRemoved(table.Overlay, table.Version, _options.Node.ToString());
                await CleanUpAsync(cancellationToken);
            }
            else
            {
                _log.LocalNodeMissing(table.Overlay, table.Version, _options.Node.ToString());
            }

            return;
        }

        ForwardingTable forwarding;
        try
        {
            forwarding = ForwardingTable.Build(table, local.Number);
        }
        catch (InvalidDataException e)
        {
            _log.BadTable(table.Overlay, table.Version, e.Message);
            return;
        }

        // The forwarder: started once, restarted only when our endpoint moves.
        if (_forwarder is not null && !_forwarder.LocalEndPoint.Equals(forwarding.Local.EndPoint))
        {
            _log.EndpointMoved(table.Overlay, _forwarder.LocalEndPoint, forwarding.Local.EndPoint);
            StopForwarder();
        }

        var started = false;
        if (_forwarder is null)
        {
            var egress = _options.MtuOverride is null
                ? _kernel.EgressMtu(table, local) ?? DefaultEgressMtu
                : DefaultEgressMtu;
            var mtu = OverlayMtu.For(egress, _options.MtuOverride);
            var tun = TunDevice.Open(TunDeviceName.For(table.Overlay));
            _forwarder = new Forwarder(tun, forwarding, mtu, _loggerFactory);
            _lastForwarder = _forwarder;
            _ = _forwarder.Completion.ContinueWith(
                t => _forwarderFailed.TrySetException(t.Exception!.InnerExceptions),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            started = true;
        }
        else
        {
            _forwarder.Update(forwarding);
        }

        // The kernel: routes, addresses and rules for this version.
        var desired = new NodeKernelState(
            table,
            local,
            table.Overlay,
            _forwarder.TunName,
            _forwarder.Mtu,
            forwarding.Cidr,
            forwarding.Local.Subnet,
            Ipv4Prefix.ToAddress(forwarding.TunAddress),
            forwarding.Local.EndPoint);
        await _kernel.ApplyAsync(desired, cancellationToken);
        _applied = desired;
        _lastNode = local.Number;
        WriteStatus(AgentStatus.Running);

        // Docker: the node subnet as its bridge, the overlay MTU for its containers.
        await ConfigureDockerAsync(desired, cancellationToken);

        if (started)
        {
            _log.Started(table.Overlay, desired.TunName, desired.Mtu, desired.LocalSubnet.ToString(),
                desired.LocalEndPoint, forwarding.Peers.Count, table.Version);
        }
        else
        {
            _log.Applied(table.Overlay, table.Version, forwarding.Peers.Count);
        }
    }

    private async Task ConfigureDockerAsync(NodeKernelState desired, CancellationToken cancellationToken)
    {
        if (_docker is null)
        {
            return;
        }

        try
        {
            await _docker.ApplyAsync(
                desired.LocalSubnet,
                desired.Mtu,
                _options.RestartDocker,
                cancellationToken);
        }
        catch (Exception e) when (e is DaemonConfigException or DockerEngineException)
        {
            _log.DockerFailed(desired.Overlay, e.Message);
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ReconcileInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_applied is { } desired)
                {
                    await _kernel.ApplyAsync(desired, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.ReconcileFailed(_options.Overlay, _options.ReconcileInterval, e);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task StatusAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.StatusInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                WriteStatus(_forwarder is null ? AgentStatus.Waiting : AgentStatus.Running);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>What the agent is doing now, as the status file shows it.</summary>
    public AgentStatus Status(string state)
    {
        var forwarder = _forwarder ?? _lastForwarder;
        var table = forwarder?.Table;
        return new AgentStatus(
            _options.Overlay,
            state,
            Environment.ProcessId,
            DateTimeOffset.UtcNow,
            _lastNode,
            forwarder?.TunName,
            forwarder?.Mtu,
            table?.Version,
            forwarder?.LocalEndPoint.ToString(),
            table?.Peers
                .Select(p => new AgentStatusPeer(p.Number, p.Subnet.ToString(), p.EndPoint.ToString()))
                .ToList() ?? [],
            forwarder is null ? AgentStatusCounters.Zero : AgentStatusCounters.From(forwarder.Counters));
    }

    private void WriteStatus(string state)
    {
        var path = AgentStatusFile.PathFor(_options.StateDirectory, _options.Overlay);
        try
        {
            AgentStatusFile.Write(path, Status(state));
            _statusFailing = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Said once per run of failures, not on every tick.
            if (!_statusFailing)
            {
                _log.StatusWriteFailed(path, e.Message);
                _statusFailing = true;
            }
        }
    }

    /// <summary>Completes (faulted) when a forwarder loop fails; never completes otherwise.</summary>
    private Task WatchForwarderAsync(CancellationToken cancellationToken) =>
        _forwarderFailed.Task.WaitAsync(cancellationToken);

    private void StopForwarder()
    {
        _forwarder?.Dispose();
        _forwarder = null;
    }

    /// <summary>
    /// Stops the forwarder and removes the applied kernel state within the clean-up timeout. When
    /// <paramref name="cancellationToken"/> fires first, the state stays recorded as applied and the
    /// clean-up at stop removes it.
    /// </summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        StopForwarder();
        if (_applied is not { } applied)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CleanupTimeout);
        try
        {
            await _kernel.RemoveAsync(applied, timeout.Token);
            _applied = null;
            _log.Removed(applied.Overlay, applied.TunName);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _log.RemoveFailed(applied.Overlay, e);
        }
    }
}
