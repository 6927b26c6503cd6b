using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>
/// Walks the attributes (type, length, value, padded to 4 bytes) of one message or nested
/// attribute, checking every length against the bytes that are there.
/// </summary>
internal ref struct NetlinkAttributeReader
{
    private ReadOnlySpan<byte> remaining;

    public NetlinkAttributeReader(ReadOnlySpan<byte> attributes)
    {
        remaining = attributes;
    }

    /// <summary>Reads the next attribute; the type has the nested and byte-order flags removed.</summary>
    public bool TryReadNext(out ushort type, out ReadOnlySpan<byte> value)
    {
        type = 0;
        value = default;
        if (remaining.Length < NetlinkConstants.NlAttrHeaderSize)
        {
            if (!remaining.IsEmpty)
            {
                throw new NetlinkFormatException(
                    $"truncated netlink attribute header: {remaining.Length} bytes left, 4 needed");
            }

            return false;
        }

        var length = MemoryMarshal.Read<ushort>(remaining);
        type = (ushort)(MemoryMarshal.Read<ushort>(remaining[2..]) & NetlinkConstants.NLA_TYPE_MASK);
        if (length < NetlinkConstants.NlAttrHeaderSize || length > remaining.Length)
        {
            throw new NetlinkFormatException(
                $"netlink attribute {type} claims {length} bytes but {remaining.Length} are left");
        }

        value = remaining[NetlinkConstants.NlAttrHeaderSize..length];
        var advance = Math.Min(NetlinkMessageBuilder.Align(length), remaining.Length);
        remaining = remaining[advance..];
        return true;
    }

    /// <summary>Reads an IPv4 address attribute value (network order).</summary>
    public static IPAddress ReadAddress(ReadOnlySpan<byte> value)
    {
        if (value.Length != 4)
        {
            throw new NetlinkFormatException($"an IPv4 address attribute has {value.Length} bytes, not 4");
        }

        return new IPAddress(value);
    }

    public static uint ReadUInt32(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4)
        {
            throw new NetlinkFormatException($"a 32-bit attribute has only {value.Length} bytes");
        }

        return MemoryMarshal.Read<uint>(value);
    }

    /// <summary>Reads a string attribute, stopping at the first NUL.</summary>
    public static string ReadString(ReadOnlySpan<byte> value)
    {
        var end = value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? value : value[..end]);
    }
}
