using CupsAndString.NodeAgent.ControlPlane;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// An agent's link to the control plane: a bus and the peer table source of one overlay. The bus
/// is started without waiting for the broker, so an agent whose broker is down still starts (from
/// its cached table) and connects, then catches up with a snapshot, once the broker is back.
/// </summary>
public sealed class AgentControlPlane : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly Task _starting;

    private AgentControlPlane(IBusControl bus, BrokerPeerTableSource source, Task starting)
    {
        _bus = bus;
        Source = source;
        _starting = starting;
    }

    public BrokerPeerTableSource Source { get; }

    public static AgentControlPlane Start(
        BusSettings settings,
        string overlay,
        string stateDirectory,
        ILoggerFactory loggerFactory,
        BrokerPeerTableSourceOptions? options = null)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(
            configurator => ControlPlaneBus.ConfigureHost(configurator, settings));
        var starting = bus.StartAsync(CancellationToken.None);
        var source = ControlPlaneBus.CreatePeerTableSource(bus, overlay, stateDirectory, loggerFactory,
            options);
        return new AgentControlPlane(bus, source, starting);
    }

    public async ValueTask DisposeAsync()
    {
        await ControlPlaneBus.StopQuietlyAsync(_bus);
        if (!_starting.IsCompleted)
        {
            // NOTE: a bus that never reached its broker keeps its start task pending; it is left
            // to be collected with the stopped bus.
            return;
        }

        await _starting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
