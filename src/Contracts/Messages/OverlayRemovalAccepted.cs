namespace CupsAndString.Contracts.Messages;

/// <summary>
/// The reply to <see cref="RemoveOverlay"/>: the overlay that is gone, and how many nodes it still
/// had. Its name, id and CIDR are free again.
/// </summary>
public sealed record OverlayRemovalAccepted(string Overlay, uint OverlayId, string Cidr, int NodesRemoved);
