using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class ListNodesVerb : IVerb
{
    public string Name => "list nodes";

    public string Summary => "list the nodes of an overlay";

    public string Help =>
        "usage: cups-and-string list nodes --overlay NAME [--json]\n"
        + "  --overlay NAME   the overlay\n"
        + "  --json           print the nodes as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var overlayFlag = arguments.String("--overlay");
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        arguments.EnsureAllUsed();

        var overlay = ClientVerbs.OverlayName(context, overlayFlag, "--overlay");

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var snapshot = ClientVerbs.Expect(await client.RequestAsync<GetPeerTable, PeerTableSnapshot>(
                    new GetPeerTable(overlay), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, snapshot.Table.Nodes);
                }
                else
                {
                    NodeTable.Write(context.Out, snapshot.Table);
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
