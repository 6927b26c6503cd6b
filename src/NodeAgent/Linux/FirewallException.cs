namespace CupsAndString.NodeAgent.Linux;

/// <summary>The firewall could not be read or changed; the message says what to do.</summary>
public sealed class FirewallException : Exception
{
    public FirewallException(string message)
        : base(message)
    {
    }
}
