using CupsAndString.NodeAgent.ControlPlane;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// Builds MassTransit buses on RabbitMQ for the short-lived verbs and for agents, and the agent's
/// broker-fed peer table source. The only place besides <see cref="ControllerHost"/> that knows
/// the transport.
/// </summary>
public static class ControlPlaneBus
{
    /// <summary>How long starting a bus may take before the broker is reported unavailable.</summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Checks the broker answers, then starts a bus; throws <see cref="ServiceUnavailableException"/>.
    /// </summary>
    public static async Task<IBusControl> StartAsync(BusSettings settings,
        CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(settings.Broker, cancellationToken);
        var bus = Bus.Factory.CreateUsingRabbitMq(configurator => ConfigureHost(configurator, settings));
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(settings.StartTimeout ?? DefaultStartTimeout);
            await bus.StartAsync(limit.Token);
            return bus;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync(bus);
            throw new ServiceUnavailableException(
                $"the broker at {settings.Broker} did not accept the connection ({Describe(e, settings)}); "
                + "check the user, password and vhost in --broker",
                e);
        }
    }

    /// <summary>A peer table source on a bus the caller started, with the agent's snapshot retry.</summary>
    public static BrokerPeerTableSource CreatePeerTableSource(
        IBus bus,
        string overlay,
        string stateDirectory,
        ILoggerFactory loggerFactory,
        BrokerPeerTableSourceOptions? options = null) =>
        new(
            bus,
            overlay,
            stateDirectory,
            ResiliencePipelines.AgentSnapshot,
            loggerFactory.CreateLogger<BrokerPeerTableSource>(),
            options);

    /// <summary>
    /// Fails with the reason and how to fix it when nothing listens at the broker's address.
    /// </summary>
    public static async Task EnsureReachableAsync(BrokerAddress broker, CancellationToken cancellationToken)
    {
        await ResiliencePipelines.StartupConnect.ExecuteAsync(
            async token =>
            {
                if (await Reachability.ProbeAsync(broker.Host, broker.Port, token) is { } reason)
                {
                    throw new ServiceUnavailableException(
                        $"cannot reach the broker at {broker}: {reason}; "
                        + "start RabbitMQ (./configure installs it) or pass --broker");
                }
            },
            cancellationToken);
    }

    internal static void ConfigureHost(IRabbitMqBusFactoryConfigurator configurator, BusSettings settings)
    {
        var broker = settings.Broker;
        configurator.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, host =>
        {
            host.Username(broker.Username);
            host.Password(broker.Password);
            host.RequestedConnectionTimeout(TimeSpan.FromSeconds(3));
        });
        if (settings.Prefix.Length > 0)
        {
            configurator.MessageTopology.SetEntityNameFormatter(
                new PrefixedEntityNames(configurator.MessageTopology.EntityNameFormatter, settings.Prefix));
        }
    }

    /// <summary>
    /// Stops a bus, giving up after five seconds (a bus that never connected has nothing to flush).
    /// </summary>
    public static async Task StopQuietlyAsync(IBusControl bus, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await bus.StopAsync(limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or MassTransitException)
        {
            // Stopping a bus that never connected has nothing left to release.
        }
    }

    private static string Describe(Exception e, BusSettings settings) =>
        e is OperationCanceledException
            ? $"no answer within {(settings.StartTimeout ?? DefaultStartTimeout).TotalSeconds} s"
            : e.Message;
}
