using System.Buffers.Binary;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>The 16-bit ones' complement checksum of IPv4 and ICMP headers (RFC 1071).</summary>
public static class InternetChecksum
{
    /// <summary>
    /// The checksum to store in a header whose checksum field is zero while summing. Summing a
    /// header that already holds its correct checksum gives zero.
    /// </summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
