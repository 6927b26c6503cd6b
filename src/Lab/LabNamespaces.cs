namespace CupsAndString.Lab;

/// <summary>Where named network namespaces live, as ip-netns(8) and nsenter expect them.</summary>
public static class LabNamespaces
{
    public const string Directory = "/run/netns";

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The names of every named network namespace on the machine.</summary>
    public static IReadOnlyList<string> List() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).OfType<string>().ToList()
            : [];
}
