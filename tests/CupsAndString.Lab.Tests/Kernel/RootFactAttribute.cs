using Xunit;

namespace CupsAndString.Lab.Tests.Kernel;

/// <summary>A fact that needs root (namespaces, links, routes); skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root" && !IsEffectiveRoot())
        {
            Skip = "needs root to create network namespaces";
        }
    }

    private static bool IsEffectiveRoot() =>
        File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status")
            .Any(line => line.StartsWith("Uid:", StringComparison.Ordinal)
                && line.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) == "0");
}
