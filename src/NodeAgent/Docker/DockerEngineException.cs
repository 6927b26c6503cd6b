namespace CupsAndString.NodeAgent.Docker;

/// <summary>The Docker engine could not be restarted; the message says what to do.</summary>
public sealed class DockerEngineException : Exception
{
    public DockerEngineException(string message)
        : base(message)
    {
    }
}
