using CupsAndString.Contracts.Messages;
using MassTransit;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// A connection to the control plane for one CLI invocation: sends a request, waits for the reply
/// or the rejection, and turns silence into a message that says to start a controller.
/// </summary>
public sealed class ControlPlaneClient : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly BusSettings _settings;
    private readonly TimeSpan _timeout;

    private ControlPlaneClient(IBusControl bus, BusSettings settings, TimeSpan timeout)
    {
        _bus = bus;
        _settings = settings;
        _timeout = timeout;
    }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task<ControlPlaneClient> ConnectAsync(
        BusSettings settings,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var bus = await ControlPlaneBus.StartAsync(settings, cancellationToken);
        return new ControlPlaneClient(bus, settings, timeout);
    }

    /// <summary>Sends the request; returns either the reply or the rule it broke.</summary>
    public async Task<(TReply? Reply, CommandRejected? Rejection)> RequestAsync<TRequest, TReply>(
        TRequest request,
        CancellationToken cancellationToken)
        where TRequest : class
        where TReply : class
    {
        var timeout = RequestTimeout.After(ms: (int)_timeout.TotalMilliseconds);
        var client = _bus.CreateRequestClient<TRequest>(timeout);
        try
        {
            var response = await client.GetResponse<TReply, CommandRejected>(request, cancellationToken);
            if (response.Is(out Response<TReply>? accepted))
            {
                return (accepted.Message, null);
            }

            return response.Is(out Response<CommandRejected>? rejected)
                ? (null, rejected.Message)
                : throw new InvalidOperationException($"unexpected reply to {typeof(TRequest).Name}");
        }
        catch (RequestTimeoutException e)
        {
            throw new ServiceUnavailableException(
                $"no controller answered within {_timeout.TotalSeconds} s through the broker at "
                + $"{_settings.Broker}; start one with 'cups-and-string controller'",
                e);
        }
    }

    public async ValueTask DisposeAsync() => await ControlPlaneBus.StopQuietlyAsync(_bus);
}
