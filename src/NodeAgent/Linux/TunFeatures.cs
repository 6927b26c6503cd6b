namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// Optional TUN behaviour beyond one queue of plain IP packets. Nothing uses these yet; they are
/// here so the multi-queue reader and the offload path can ask for them without a new API.
/// </summary>
[Flags]
public enum TunFeatures
{
    None = 0,

    /// <summary>Open one descriptor per queue on the same device.</summary>
    MultiQueue = 1,

    /// <summary>Each packet carries a virtio-net header for segmentation and checksum offloads.</summary>
    VirtioNetHeader = 2,
}
