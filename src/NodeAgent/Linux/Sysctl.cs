namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// Kernel settings under /proc/sys, named by their dotted key with the interface name kept as
/// one part (so "net.ipv4.conf" + "eth0.100" + "rp_filter" works). Network settings belong to the
/// network namespace of the thread that reads or writes them.
/// </summary>
public sealed record Sysctl(IReadOnlyList<string> Parts)
{
    public const string Root = "/proc/sys";

    public static Sysctl IpForward { get; } = new(["net", "ipv4", "ip_forward"]);

    public static Sysctl RpFilterAll { get; } = new(["net", "ipv4", "conf", "all", "rp_filter"]);

    /// <summary>Reverse-path filtering on one interface (0 off, 1 strict, 2 loose).</summary>
    public static Sysctl RpFilter(string interfaceName) =>
        new(["net", "ipv4", "conf", interfaceName, "rp_filter"]);

    /// <summary>
    /// IPv6 on one interface (1 off). Met when absent: the kernel keeps no IPv6 settings for an
    /// interface without IPv6 (a kernel booted with ipv6.disable=1, or an MTU below 1280).
    /// </summary>
    public static Sysctl DisableIpv6(string interfaceName) =>
        new(["net", "ipv6", "conf", interfaceName, "disable_ipv6"]) { MetWhenAbsent = true };

    /// <summary>
    /// True for a setting whose absence already gives what it is set for, so a reconciler skips
    /// it when <see cref="Exists"/> is false instead of failing.
    /// </summary>
    public bool MetWhenAbsent { get; init; }

    public string Key => string.Join('.', Parts);

    public string FilePath => Path.Combine([Root, .. Parts]);

    /// <summary>Whether the kernel has this setting (in the namespace of the calling thread).</summary>
    public bool Exists => File.Exists(FilePath);

    /// <summary>The current value, trimmed.</summary>
    public string Read()
    {
        try
        {
            return File.ReadAllText(FilePath).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"failed to read {Key} ({FilePath}): {e.Message}", e);
        }
    }

    public void Write(string value)
    {
        try
        {
            File.WriteAllText(FilePath, value + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"failed to set {Key} to {value} ({FilePath}): {e.Message}", e);
        }
    }

    public override string ToString() => Key;

    public bool Equals(Sysctl? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}
