namespace CupsAndString.Contracts.Events;

/// <summary>The names of the event streams the control plane writes.</summary>
public static class StreamKeys
{
    /// <summary>The one stream that records every overlay's name, id and CIDR.</summary>
    public const string Registry = "registry";

    private const string OverlayPrefix = "overlay:";

    /// <summary>The stream holding one overlay's history.</summary>
    public static string Overlay(string name) => OverlayPrefix + name;

    /// <summary>The overlay name of an overlay stream, or null for any other stream.</summary>
    public static string? OverlayName(string? streamKey) =>
        streamKey is not null && streamKey.StartsWith(OverlayPrefix, StringComparison.Ordinal)
            ? streamKey[OverlayPrefix.Length..]
            : null;
}
