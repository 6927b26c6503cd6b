using System.Reflection;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// How the demo runs this same executable again as a child (controller, create, agent): the
/// program path, plus the assembly when it was started as "dotnet cups-and-string.dll".
/// </summary>
internal sealed record DemoSelf(string Program, IReadOnlyList<string> Prefix)
{
    public static DemoSelf Current()
    {
        var process = Environment.ProcessPath
            ?? throw new UsageException(
                "cannot tell where the cups-and-string executable is",
                ExitCodes.Internal);
        var name = Path.GetFileNameWithoutExtension(process);
        if (name == "dotnet")
        {
            var assembly = Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(assembly))
            {
                throw new UsageException("cannot tell which assembly dotnet is running", ExitCodes.Internal);
            }

            return new DemoSelf(process, [assembly]);
        }

        return new DemoSelf(process, []);
    }

    public IReadOnlyList<string> Arguments(params string[] words) => [.. Prefix, .. words];
}
