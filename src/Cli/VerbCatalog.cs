using CupsAndString.Cli.Verbs;

namespace CupsAndString.Cli;

/// <summary>Every verb the executable knows, in the order the help lists them.</summary>
public static class VerbCatalog
{
    public static IReadOnlyList<IVerb> All { get; } =
    [
        new ControllerVerb(),
        new CreateOverlayVerb(),
        new CreateNodeVerb(),
        new ListOverlaysVerb(),
        new ListNodesVerb(),
        new ShowOverlayVerb(),
        new RemoveNodeVerb(),
        new RemoveOverlayVerb(),
        new ReplayVerb(),
        new AgentVerb(),
        new DemoVerb(),
        new DemoDownVerb(),
        new VersionVerb(),
    ];
}
