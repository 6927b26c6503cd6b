using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class RemoveOverlayVerb : IVerb
{
    public string Name => "remove overlay";

    public string Summary => "remove an overlay (its name, id and CIDR become free; its agents stop)";

    public string Help =>
        "usage: cups-and-string remove overlay NAME [--force] [--json]\n"
        + "  NAME             the overlay\n"
        + "  --force          remove it even though it still has nodes (their agents stop forwarding)\n"
        + "  --json           print the result as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches { get; } = new HashSet<string> { "--json", "--force" };

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var json = arguments.Switch("--json");
        var force = arguments.Switch("--force");
        var bus = ClientVerbs.ReadBus(context, arguments);
        var positional = arguments.Positional();
        arguments.EnsureAllUsed();

        var name = ClientVerbs.OverlayName(context, positional, "NAME");

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var removed = ClientVerbs.Expect(
                    await client.RequestAsync<RemoveOverlay, OverlayRemovalAccepted>(
                        new RemoveOverlay(name, force), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, removed);
                }
                else
                {
                    var nodes = removed.NodesRemoved switch
                    {
                        0 => "",
                        1 => " with its 1 node",
                        _ => $" with its {removed.NodesRemoved} nodes",
                    };
                    context.Out.WriteLine(
                        $"overlay {removed.Overlay}{nodes} removed; {removed.Cidr} and the name are free");
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
