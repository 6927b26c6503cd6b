using System.Runtime.InteropServices;

namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>
/// Walks the netlink messages packed into one received buffer. Every length is checked against the
/// bytes that are really there; a message that claims more than that is a format error.
/// </summary>
internal ref struct NetlinkMessageReader
{
    private ReadOnlySpan<byte> remaining;

    public NetlinkMessageReader(ReadOnlySpan<byte> buffer)
    {
        remaining = buffer;
    }

    public bool TryReadNext(out NetlinkHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (remaining.IsEmpty)
        {
            return false;
        }

        if (remaining.Length < NetlinkConstants.NlMsgHdrSize)
        {
            throw new NetlinkFormatException(
                $"truncated netlink header: {remaining.Length} bytes left, 16 needed");
        }

        header = ReadHeader(remaining);
        if (header.Length < NetlinkConstants.NlMsgHdrSize || header.Length > remaining.Length)
        {
            throw new NetlinkFormatException(
                $"netlink message claims {header.Length} bytes but {remaining.Length} are left");
        }

        var messageLength = (int)header.Length;
        payload = remaining[NetlinkConstants.NlMsgHdrSize..messageLength];
        var advance = Math.Min(NetlinkMessageBuilder.Align(messageLength), remaining.Length);
        remaining = remaining[advance..];
        return true;
    }

    public static NetlinkHeader ReadHeader(ReadOnlySpan<byte> bytes) =>
        new(
            MemoryMarshal.Read<uint>(bytes),
            MemoryMarshal.Read<ushort>(bytes[4..]),
            MemoryMarshal.Read<ushort>(bytes[6..]),
            MemoryMarshal.Read<uint>(bytes[8..]),
            MemoryMarshal.Read<uint>(bytes[12..]));
}
