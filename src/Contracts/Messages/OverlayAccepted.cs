namespace CupsAndString.Contracts.Messages;

/// <summary>The reply to <see cref="CreateOverlay"/> when the overlay was created.</summary>
public sealed record OverlayAccepted(
    string Name,
    uint OverlayId,
    string Cidr,
    int NodePrefixLength,
    int Port,
    int Capacity);
