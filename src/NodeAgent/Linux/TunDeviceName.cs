using System.Globalization;
using System.Text;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// Derives the TUN device name from the overlay name, so two overlays on one host never share a
/// device. "cas-" + overlay when that fits the kernel's 15-byte limit; otherwise "cas-", the
/// first characters of the overlay, a dash and five hex digits of a stable hash of the full name.
/// </summary>
public static class TunDeviceName
{
    public const string Prefix = "cas-";

    /// <summary>The longest interface name the kernel accepts (IFNAMSIZ minus the zero).</summary>
    public const int MaxLength = TunInterop.IFNAMSIZ - 1;

    private const int HashDigits = 5;

    public static string For(string overlay)
    {
        ArgumentException.ThrowIfNullOrEmpty(overlay);
        var plain = Prefix + overlay;
        if (plain.Length <= MaxLength)
        {
            return plain;
        }

        var hash = Fnv1a(overlay) & ((1u << (4 * HashDigits)) - 1);
        var keep = MaxLength - Prefix.Length - 1 - HashDigits;
        var format = "x" + HashDigits.ToString(CultureInfo.InvariantCulture);
        var hex = hash.ToString(format, CultureInfo.InvariantCulture);
        return $"{Prefix}{overlay[..keep]}-{hex}";
    }

    /// <summary>32-bit FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
