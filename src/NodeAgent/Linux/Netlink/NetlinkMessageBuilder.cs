using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>
/// Builds one netlink message at a time into a reusable buffer: the header, a fixed family header,
/// then attributes (nested ones through <see cref="BeginNested"/> / <see cref="EndNested"/>).
/// Integers are written in host byte order, as netlink expects; addresses in network order.
/// </summary>
internal sealed class NetlinkMessageBuilder
{
    private byte[] buffer = new byte[1024];
    private int length;

    public void Start(ushort type, ushort flags, uint sequence)
    {
        Array.Clear(buffer);
        length = NetlinkConstants.NlMsgHdrSize;
        var header = buffer.AsSpan(0, NetlinkConstants.NlMsgHdrSize);
        MemoryMarshal.Write(header[4..], in type);
        MemoryMarshal.Write(header[6..], in flags);
        MemoryMarshal.Write(header[8..], in sequence);
    }

    /// <summary>Reserves a zeroed block (padded to 4 bytes) and returns it for the caller to fill.</summary>
    public Span<byte> Append(int size)
    {
        var padded = Align(size);
        EnsureCapacity(padded);
        var block = buffer.AsSpan(length, size);
        length += padded;
        return block;
    }

    public void AddAttribute(ushort type, ReadOnlySpan<byte> value)
    {
        var header = Append(NetlinkConstants.NlAttrHeaderSize);
        var attributeLength = (ushort)(NetlinkConstants.NlAttrHeaderSize + value.Length);
        MemoryMarshal.Write(header, in attributeLength);
        MemoryMarshal.Write(header[2..], in type);
        value.CopyTo(Append(value.Length));
    }

    public void AddUInt32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        MemoryMarshal.Write(bytes, in value);
        AddAttribute(type, bytes);
    }

    /// <summary>Adds a NUL-terminated string attribute.</summary>
    public void AddString(ushort type, string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        AddAttribute(type, bytes);
    }

    /// <summary>Adds an IPv4 address attribute (4 bytes, network order).</summary>
    public void AddAddress(ushort type, IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (!address.TryWriteBytes(bytes, out var written) || written != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        AddAttribute(type, bytes);
    }

    /// <summary>Opens a nested attribute; returns its offset for <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        var start = length;
        var header = Append(NetlinkConstants.NlAttrHeaderSize);
        var nestedType = (ushort)(type | NetlinkConstants.NLA_F_NESTED);
        MemoryMarshal.Write(header[2..], in nestedType);
        return start;
    }

    public void EndNested(int start)
    {
        var nestedLength = (ushort)(length - start);
        MemoryMarshal.Write(buffer.AsSpan(start), in nestedLength);
    }

    /// <summary>Writes the total length into the header and returns the finished message.</summary>
    public ReadOnlySpan<byte> Finish()
    {
        var total = (uint)length;
        MemoryMarshal.Write(buffer.AsSpan(), in total);
        return buffer.AsSpan(0, length);
    }

    public static int Align(int size) => (size + 3) & ~3;

    private void EnsureCapacity(int extra)
    {
        if (length + extra <= buffer.Length)
        {
            return;
        }

        var bigger = new byte[Math.Max(buffer.Length * 2, length + extra)];
        buffer.AsSpan(0, length).CopyTo(bigger);
        buffer = bigger;
    }
}
