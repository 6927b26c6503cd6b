namespace CupsAndString.NodeAgent.Docker;

/// <summary>The Docker engine on this host, as far as the agent needs it.</summary>
public interface IDockerEngine
{
    /// <summary>Whether an engine is installed (its socket or its daemon program exists).</summary>
    bool IsPresent { get; }

    /// <summary>Restarts the engine so it reads daemon.json again.</summary>
    Task RestartAsync(CancellationToken cancellationToken);
}
