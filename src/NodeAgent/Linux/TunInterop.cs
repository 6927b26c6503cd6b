namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// The kernel's TUN driver interface: the ioctl request that attaches a file descriptor to a
/// device, the request structure it takes, and the device flags. Values from linux/if_tun.h and
/// linux/if.h.
/// </summary>
internal static class TunInterop
{
    public const string ClonePath = "/dev/net/tun";

    /// <summary>_IOW('T', 202, int): attach the descriptor to a named (or new) device.</summary>
    public const uint TUNSETIFF = 0x400454CA;

    /// <summary>A layer-3 device: reads and writes whole IP packets.</summary>
    public const short IFF_TUN = 0x0001;

    /// <summary>One queue of several, each its own descriptor (for the multi-queue reader).</summary>
    public const short IFF_MULTI_QUEUE = 0x0100;

    /// <summary>No 4-byte packet-information prefix: a read returns the IP packet itself.</summary>
    public const short IFF_NO_PI = 0x1000;

    /// <summary>A virtio-net header precedes each packet (reserved for segmentation offloads).</summary>
    public const short IFF_VNET_HDR = 0x4000;

    /// <summary>IFNAMSIZ: an interface name is at most 15 bytes and a terminating zero.</summary>
    public const int IFNAMSIZ = 16;

    /// <summary>sizeof(struct ifreq) on 64-bit Linux.</summary>
    public const int IfreqSize = 40;

    /// <summary>Offset of ifr_flags inside struct ifreq (right after ifr_name).</summary>
    public const int IfreqFlagsOffset = 16;
}
