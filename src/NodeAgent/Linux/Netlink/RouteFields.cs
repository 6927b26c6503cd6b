using System.Net;

namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>Every field of a route message the codec reads, before it decides what to return.</summary>
internal struct RouteFields
{
    public byte Family;
    public byte DestinationLength;
    public uint Table;
    public byte Protocol;
    public byte Type;
    public IPAddress? Destination;
    public IPAddress? Gateway;
    public int LinkIndex;
    public uint Metric;
    public IPAddress? PreferredSource;
    public int? Mtu;
}
