using CupsAndString.NodeAgent.Docker;

namespace CupsAndString.NodeAgent.Tests.Docker;

/// <summary>A Docker engine that is there or not, and counts the restarts asked of it.</summary>
public sealed class FakeDockerEngine(bool present) : IDockerEngine
{
    public int Restarts { get; private set; }

    public bool IsPresent => present;

    public Task RestartAsync(CancellationToken cancellationToken)
    {
        Restarts++;
        return Task.CompletedTask;
    }
}
