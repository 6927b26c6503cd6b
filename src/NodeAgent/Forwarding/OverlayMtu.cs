namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>How large an inner packet may be so that its datagram fits the underlay.</summary>
public static class OverlayMtu
{
    /// <summary>The outer IPv4 header (20 bytes without options) and the UDP header (8 bytes).</summary>
    public const int UnderlayOverhead = 20 + 8;

    /// <summary>
    /// The smallest overlay MTU: the datagram size every IPv4 host must accept (RFC 791). The
    /// host side (TUN device, Docker's bridge) is never configured below it.
    /// </summary>
    public const int Minimum = 576;

    /// <summary>The largest overlay MTU: the largest IPv4 packet minus the outer headers and ours.</summary>
    public const int Maximum = 65_535 - UnderlayOverhead - WireHeader.Size;

    /// <summary>
    /// The overlay MTU: the override when given, otherwise the egress device's MTU minus the
    /// outer IPv4 and UDP headers and our header (1500 gives 1464).
    /// </summary>
    public static int For(int egressMtu, int? overrideMtu = null)
    {
        var mtu = overrideMtu ?? egressMtu - UnderlayOverhead - WireHeader.Size;
        if (mtu < Minimum)
        {
            throw new ArgumentOutOfRangeException(
                overrideMtu is null ? nameof(egressMtu) : nameof(overrideMtu),
                overrideMtu is null
                    ? $"an egress MTU of {egressMtu} leaves {mtu} bytes for overlay packets; "
                        + $"the overlay needs {Minimum}"
                    : $"an overlay MTU of {mtu} is below the IPv4 minimum of {Minimum}");
        }

        return mtu;
    }
}
