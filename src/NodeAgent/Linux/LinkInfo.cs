namespace CupsAndString.NodeAgent.Linux;

/// <summary>A network interface as the kernel reports it.</summary>
/// <param name="Index">The interface index.</param>
/// <param name="Name">The interface name.</param>
/// <param name="Mtu">The interface MTU in bytes.</param>
/// <param name="IsUp">Whether the interface is administratively up.</param>
/// <param name="MasterIndex">The index of the bridge it is enslaved to, or 0 for none.</param>
/// <param name="Kind">The link kind ("veth", "bridge", "tun") when the kernel reports one.</param>
public sealed record LinkInfo(int Index, string Name, int Mtu, bool IsUp, int MasterIndex, string? Kind);
