namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>A netlink message or attribute whose lengths do not fit the bytes that carry it.</summary>
public sealed class NetlinkFormatException : Exception
{
    public NetlinkFormatException(string message)
        : base(message)
    {
    }
}
