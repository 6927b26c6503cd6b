namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>The fixed 16-byte header in front of every netlink message.</summary>
internal readonly record struct NetlinkHeader(
    uint Length,
    ushort Type,
    ushort Flags,
    uint Sequence,
    uint PortId);
