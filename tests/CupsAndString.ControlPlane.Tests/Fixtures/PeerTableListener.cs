using System.Collections.Concurrent;
using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;
using MassTransit;

namespace CupsAndString.ControlPlane.Tests.Fixtures;

/// <summary>
/// Records every <see cref="PeerTableChanged"/> published through the fixture's broker prefix.
/// </summary>
public sealed class PeerTableListener : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<PeerTable> _received = new();

    private PeerTableListener(IBusControl bus) => _bus = bus;

    public IReadOnlyList<PeerTable> Received => [.. _received];

    public static async Task<PeerTableListener> StartAsync(
        BusSettings settings,
        CancellationToken cancellationToken = default)
    {
        var bus = await ControlPlaneBus.StartAsync(settings, cancellationToken);
        var listener = new PeerTableListener(bus);
        var handle = bus.ConnectReceiveEndpoint(endpoint => endpoint.Handler<PeerTableChanged>(context =>
        {
            listener._received.Enqueue(context.Message.Table);
            return Task.CompletedTask;
        }));
        await handle.Ready;
        return listener;
    }

    /// <summary>Waits until a table matching the condition arrived; fails after the timeout.</summary>
    public async Task<PeerTable> WaitForAsync(
        Func<PeerTable, bool> condition,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(condition) is { } table)
            {
                return table;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"no matching peer table within {timeout.TotalSeconds} s; got "
            + $"{_received.Count}");
    }

    public async ValueTask DisposeAsync() => await ControlPlaneBus.StopQuietlyAsync(_bus);
}
