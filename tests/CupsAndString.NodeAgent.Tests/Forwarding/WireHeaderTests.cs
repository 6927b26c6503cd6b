using CupsAndString.NodeAgent.Forwarding;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Forwarding;

public sealed class WireHeaderTests
{
    [Fact]
    public void A_data_header_is_eight_bytes_with_version_type_flags_reserved_and_overlay_id()
    {
        var bytes = new byte[WireHeader.Size];

        WireHeader.Data(0x01020304).Write(bytes);

        Assert.Equal(new byte[] { 0x11, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04 }, bytes);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(7u)]
    [InlineData(uint.MaxValue)]
    public void A_written_header_reads_back_equal(uint overlayId)
    {
        var bytes = new byte[WireHeader.Size];
        var header = WireHeader.Data(overlayId);
        header.Write(bytes);

        var status = WireHeader.TryRead(bytes, out var read);

        Assert.Equal(WireHeaderStatus.Valid, status);
        Assert.Equal(header, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void A_header_cut_short_is_truncated(int length)
    {
        var bytes = new byte[WireHeader.Size];
        WireHeader.Data(7).Write(bytes);

        Assert.Equal(WireHeaderStatus.Truncated, WireHeader.TryRead(bytes.AsSpan(0, length), out _));
    }

    [Theory]
    [InlineData(0, 0x21, WireHeaderStatus.UnsupportedVersion)]
    [InlineData(0, 0x01, WireHeaderStatus.UnsupportedVersion)]
    [InlineData(0, 0x12, WireHeaderStatus.UnknownType)]
    [InlineData(0, 0x10, WireHeaderStatus.UnknownType)]
    [InlineData(1, 0x80, WireHeaderStatus.UnknownFlags)]
    [InlineData(2, 0x01, WireHeaderStatus.ReservedNotZero)]
    [InlineData(3, 0x01, WireHeaderStatus.ReservedNotZero)]
    public void A_header_with_a_bad_byte_is_refused_with_its_reason(int offset, byte value,
        WireHeaderStatus expected)
    {
        var bytes = new byte[WireHeader.Size];
        WireHeader.Data(7).Write(bytes);
        bytes[offset] = value;

        Assert.Equal(expected, WireHeader.TryRead(bytes, out _));
    }

    [Fact]
    public void A_future_version_is_named_even_when_shorter_than_our_header()
    {
        Assert.Equal(WireHeaderStatus.UnsupportedVersion, WireHeader.TryRead([0x21, 0x00], out _));
    }
}
