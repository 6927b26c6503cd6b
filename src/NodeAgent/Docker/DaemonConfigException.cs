namespace CupsAndString.NodeAgent.Docker;

/// <summary>Docker's daemon.json could not be read, merged or written; the message names the file.</summary>
public sealed class DaemonConfigException : Exception
{
    public DaemonConfigException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
