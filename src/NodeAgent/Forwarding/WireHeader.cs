using System.Buffers.Binary;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// The header in front of every inner packet in a UDP datagram between agents (see
/// docs/wire-format.md): version and type in byte 0, flags in byte 1, two reserved bytes that
/// must be zero, and the overlay id. Types added later (encrypted data) extend the header after
/// the overlay id; a receiver learns the length from the type.
/// </summary>
public readonly record struct WireHeader(PacketType Type, byte Flags, uint OverlayId)
{
    /// <summary>The only version this code reads or writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Length of a <see cref="PacketType.Data"/> header in bytes.</summary>
    public const int Size = 8;

    private const int VersionAndTypeOffset = 0;
    private const int FlagsOffset = 1;
    private const int ReservedOffset = 2;
    private const int OverlayIdOffset = 4;

    /// <summary>No flags are defined yet; a receiver drops a datagram that sets any.</summary>
    public const byte KnownFlags = 0;

    public static WireHeader Data(uint overlayId) => new(PacketType.Data, 0, overlayId);

    /// <summary>Writes the header into the first <see cref="Size"/> bytes.</summary>
    public void Write(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Size, nameof(destination));
        destination[VersionAndTypeOffset] = (byte)((CurrentVersion << 4) | ((byte)Type & 0x0F));
        destination[FlagsOffset] = Flags;
        BinaryPrimitives.WriteUInt16BigEndian(destination[ReservedOffset..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[OverlayIdOffset..], OverlayId);
    }

    /// <summary>Reads and checks a header; never throws on bad input.</summary>
    public static WireHeaderStatus TryRead(ReadOnlySpan<byte> datagram, out WireHeader header)
    {
        header = default;

        // Version first, so a future version with another layout is named as such.
        if (datagram.Length < 1)
        {
            return WireHeaderStatus.Truncated;
        }

        var versionAndType = datagram[VersionAndTypeOffset];
        if (versionAndType >> 4 != CurrentVersion)
        {
            return WireHeaderStatus.UnsupportedVersion;
        }

        if (datagram.Length < Size)
        {
            return WireHeaderStatus.Truncated;
        }

        var type = (PacketType)(versionAndType & 0x0F);
        if (type != PacketType.Data)
        {
            return WireHeaderStatus.UnknownType;
        }

        var flags = datagram[FlagsOffset];
        if ((flags & ~KnownFlags) != 0)
        {
            return WireHeaderStatus.UnknownFlags;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(datagram[ReservedOffset..]) != 0)
        {
            return WireHeaderStatus.ReservedNotZero;
        }

        var overlayId = BinaryPrimitives.ReadUInt32BigEndian(datagram[OverlayIdOffset..]);
        header = new WireHeader(type, flags, overlayId);
        return WireHeaderStatus.Valid;
    }
}
