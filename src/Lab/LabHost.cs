using System.Net;
using CupsAndString.Contracts;

namespace CupsAndString.Lab;

/// <summary>
/// One host of a lab: a namespace standing in for a machine, with an underlay interface, an
/// optional management interface, a bridge standing in for Docker's, and containers behind it.
/// </summary>
public sealed record LabHost(
    int Number,
    string Namespace,
    string UnderlayInterface,
    string UnderlayPort,
    IPAddress UnderlayAddress,
    string ManagementInterface,
    string ManagementPort,
    IPAddress ManagementAddress,
    string Bridge,
    Ipv4Prefix Subnet,
    IReadOnlyList<LabContainer> Containers)
{
    /// <summary>The bridge's address: the first address of the host's subnet, as Docker's bip.</summary>
    public IPAddress BridgeAddress => Subnet.AddressAt(1);

    /// <summary>A short label for tables, e.g. "h3".</summary>
    public string Label => $"h{Number}";
}
