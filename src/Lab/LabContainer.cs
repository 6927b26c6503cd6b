using System.Net;

namespace CupsAndString.Lab;

/// <summary>A container behind a host's bridge: a namespace with one link into the bridge.</summary>
/// <param name="Host">The number of the host it runs on.</param>
/// <param name="Number">Its number on that host, 1 upwards.</param>
/// <param name="Namespace">Its network namespace.</param>
/// <param name="Interface">Its interface, inside its namespace.</param>
/// <param name="BridgePort">The other end of its link, enslaved to the host's bridge.</param>
/// <param name="Address">Its address: the bridge subnet's (1+Number)th address.</param>
/// <param name="PrefixLength">The prefix length of the host's bridge subnet.</param>
/// <param name="Gateway">The bridge's address, its default route.</param>
public sealed record LabContainer(
    int Host,
    int Number,
    string Namespace,
    string Interface,
    string BridgePort,
    IPAddress Address,
    int PrefixLength,
    IPAddress Gateway)
{
    /// <summary>A short label for tables, e.g. "h1c2".</summary>
    public string Label => $"h{Host}c{Number}";
}
