using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class RemoveNodeVerb : IVerb
{
    public string Name => "remove node";

    public string Summary => "take a machine out of an overlay (its number becomes free)";

    public string Help =>
        "usage: cups-and-string remove node --overlay NAME --node NUMBER|ID|ADDRESS [--json]\n"
        + "  --overlay NAME   the overlay\n"
        + "  --node N         the node's number, id or underlay address\n"
        + "  --json           print the result as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var overlayFlag = arguments.String("--overlay");
        var nodeFlag = arguments.String("--node");
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        arguments.EnsureAllUsed();

        var overlay = ClientVerbs.OverlayName(context, overlayFlag, "--overlay");

        var node = context.Prompt(nodeFlag, "--node", "node number, id or address");
        var recognised = int.TryParse(node, out _)
            || Guid.TryParse(node, out _)
            || Ipv4Prefix.TryParseAddress(node, out _);
        if (!recognised)
        {
            throw new UsageException(
                $"--node: '{node}' is neither a node number, a node id nor an IPv4 address");
        }

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var removed = ClientVerbs.Expect(await client.RequestAsync<RemoveNode, NodeRemovalAccepted>(
                    new RemoveNode(overlay, node), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, removed);
                }
                else
                {
                    context.Out.WriteLine(
                        $"node {removed.Number} ({removed.Address}) left overlay {removed.Overlay}");
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
