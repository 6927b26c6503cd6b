namespace CupsAndString.Lab;

/// <summary>What a lab needs from the machine: root, and a few programs on the PATH.</summary>
public static class LabPrerequisites
{
    /// <summary>Each program the lab runs, with the Debian package that provides it.</summary>
    public static IReadOnlyDictionary<string, string> Programs { get; } = new Dictionary<string, string>
    {
        ["nsenter"] = "util-linux",
        ["iptables"] = "iptables",
        ["ping"] = "iputils-ping",
        ["curl"] = "curl",
    };

    /// <summary>Null when a lab can be built here, otherwise a sentence saying what to do.</summary>
    public static string? Problem()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "the lab creates network namespaces and needs root; "
                + "run it as root (for example with sudo)";
        }

        var missing = Programs.Keys.Where(p => FindOnPath(p) is null).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(p => Programs[p]).Distinct());
            return $"missing {string.Join(", ", missing)}; install with: apt-get install -y {packages}";
        }

        return null;
    }

    public static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
