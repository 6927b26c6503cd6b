namespace CupsAndString.Contracts.Messages;

/// <summary>Asks for a new overlay. Null values take the defaults in <see cref="OverlayDefaults"/>.</summary>
public sealed record CreateOverlay(string Name, string? Cidr, int? NodePrefixLength, int? Port);
