using System.Net;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>An IPv4 address with its prefix length, assigned to one interface.</summary>
public sealed record InterfaceAddress(int LinkIndex, IPAddress Address, int PrefixLength)
{
    public override string ToString() => $"{Address}/{PrefixLength}";
}
