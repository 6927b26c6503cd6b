using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace CupsAndString.Contracts;

/// <summary>
/// An IPv4 network in CIDR form (address and prefix length), held as a host-order integer so that
/// membership tests are one mask and one compare. The address is always the network address.
/// </summary>
public readonly record struct Ipv4Prefix
{
    public Ipv4Prefix(uint network, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 32);
        Length = length;
        Network = network & MaskOf(length);
    }

    /// <summary>The network address in host byte order.</summary>
    public uint Network { get; }

    /// <summary>The prefix length, 0 to 32.</summary>
    public int Length { get; }

    public uint Mask => MaskOf(Length);

    /// <summary>How many addresses the prefix spans.</summary>
    public ulong Size => 1UL << (32 - Length);

    public IPAddress Address => ToAddress(Network);

    public bool Contains(uint address) => (address & Mask) == Network;

    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && Contains(ToUInt32(address));

    public bool Overlaps(Ipv4Prefix other)
    {
        var shorter = Math.Min(Length, other.Length);
        var mask = MaskOf(shorter);
        return (Network & mask) == (other.Network & mask);
    }

    /// <summary>How many subnets of the given length fit inside this prefix.</summary>
    public ulong SubnetCount(int subnetLength)
    {
        if (subnetLength < Length || subnetLength > 32)
        {
            return 0;
        }

        return 1UL << (subnetLength - Length);
    }

    /// <summary>The index-th subnet of the given length inside this prefix (index 0 is the first).</summary>
    public Ipv4Prefix Subnet(int subnetLength, ulong index)
    {
        if (index >= SubnetCount(subnetLength))
        {
            throw new ArgumentOutOfRangeException(
                nameof(index),
                $"{this} has no subnet /{subnetLength} number {index}");
        }

        var network = Network + (uint)(index << (32 - subnetLength));
        return new Ipv4Prefix(network, subnetLength);
    }

    /// <summary>
    /// The address at the given offset from the network address (offset 1 is the first host).
    /// </summary>
    public IPAddress AddressAt(uint offset) => ToAddress(Network + offset);

    public override string ToString() => $"{Address}/{Length}";

    public static Ipv4Prefix Parse(string text) =>
        TryParse(text, out var prefix, out var error) ? prefix : throw new FormatException(error);

    /// <summary>
    /// Parses "a.b.c.d/n". Host bits must be zero, so a typo such as 10.10.1.0/16 is reported
    /// instead of silently widened.
    /// </summary>
    public static bool TryParse(
        string? text,
        out Ipv4Prefix prefix,
        [NotNullWhen(false)] out string? error)
    {
        prefix = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a CIDR such as 10.10.0.0/16 is required";
            return false;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            error = $"'{text}' has no prefix length; write it as address/length, e.g. 10.10.0.0/16";
            return false;
        }

        if (!TryParseAddress(text[..slash], out var network))
        {
            error = $"'{text}' is not an IPv4 CIDR; write it as address/length, e.g. 10.10.0.0/16";
            return false;
        }

        var lengthText = text[(slash + 1)..];
        if (!int.TryParse(lengthText, System.Globalization.NumberStyles.None, null, out var length)
            || length > 32)
        {
            error = $"'{text}' has prefix length '{lengthText}'; it must be a number from 0 to 32";
            return false;
        }

        var candidate = new Ipv4Prefix(network, length);
        if (candidate.Network != network)
        {
            error = $"'{text}' has host bits set; did you mean {candidate}?";
            return false;
        }

        prefix = candidate;
        error = null;
        return true;
    }

    /// <summary>
    /// Parses a dotted-quad IPv4 address to host order: exactly four decimal parts of 0-255,
    /// without leading zeros, so that 192.0.2.050 is refused rather than read as octal.
    /// </summary>
    public static bool TryParseAddress(string? text, out uint address)
    {
        address = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var parts = 0;
        var value = 0u;
        var digits = 0;
        var leadingZero = false;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || ++parts > 3)
                {
                    return false;
                }

                address = (address << 8) | value;
                (value, digits, leadingZero) = (0, 0, false);
                continue;
            }

            if (c is < '0' or > '9' || leadingZero || ++digits > 3)
            {
                return false;
            }

            leadingZero = digits == 1 && c == '0';
            value = (value * 10) + (uint)(c - '0');
            if (value > 255)
            {
                return false;
            }
        }

        if (parts != 3 || digits == 0)
        {
            address = 0;
            return false;
        }

        address = (address << 8) | value;
        return true;
    }

    public static uint MaskOf(int length) => length == 0 ? 0u : uint.MaxValue << (32 - length);

    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (!address.TryWriteBytes(bytes, out var written) || written != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress ToAddress(uint address)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPAddress(bytes);
    }
}
