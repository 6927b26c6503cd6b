using MassTransit;

namespace CupsAndString.NodeAgent.ControlPlane;

/// <summary>Calls back each time the agent's receive endpoint (re)connects to the broker.</summary>
internal sealed class EndpointReadyObserver(Action onReady) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready)
    {
        onReady();
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
