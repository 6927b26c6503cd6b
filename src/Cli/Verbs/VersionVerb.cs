using System.Reflection;

namespace CupsAndString.Cli.Verbs;

public sealed class VersionVerb : IVerb
{
    public string Name => "version";

    public string Summary => "print the version";

    public string Help => "usage: cups-and-string version";

    public IReadOnlySet<string> Switches { get; } = new HashSet<string>();

    public Task<int> RunAsync(CliContext context, Arguments arguments, CancellationToken cancellationToken)
    {
        arguments.EnsureAllUsed();
        var version = typeof(VersionVerb).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        context.Out.WriteLine($"cups-and-string {version}");
        return Task.FromResult(ExitCodes.Ok);
    }
}
