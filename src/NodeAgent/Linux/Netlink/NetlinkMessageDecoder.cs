namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>Turns one reply message into a value, or null to skip it.</summary>
internal delegate T? NetlinkMessageDecoder<T>(in NetlinkHeader header, ReadOnlySpan<byte> payload)
    where T : class;
