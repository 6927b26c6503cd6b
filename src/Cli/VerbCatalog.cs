using CupsAndString.Cli.Verbs;

namespace CupsAndString.Cli;

/// <summary>Every verb the executable knows, in the order the help lists them.</summary>
public static class VerbCatalog
{
    public static IReadOnlyList<IVerb> All { get; } =
    [
        new VersionVerb(),
        new AgentVerb(),
        new DemoVerb(),
        new DemoDownVerb(),
    ];
}
