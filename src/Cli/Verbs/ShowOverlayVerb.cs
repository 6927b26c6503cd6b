using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class ShowOverlayVerb : IVerb
{
    public string Name => "show overlay";

    public string Summary => "show an overlay's address plan and its nodes";

    public string Help =>
        "usage: cups-and-string show overlay NAME [--json]\n"
        + "  NAME             the overlay\n"
        + "  --json           print the peer table as JSON (the format of agent --peers)\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        var positional = arguments.Positional();
        arguments.EnsureAllUsed();

        var overlay = ClientVerbs.OverlayName(context, positional, "NAME");

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var table = ClientVerbs.Expect(await client.RequestAsync<GetPeerTable, PeerTableSnapshot>(
                    new GetPeerTable(overlay), cancellationToken)).Table;
                if (json)
                {
                    context.Out.WriteLine(PeerTableFile.Serialize(table));
                    return ExitCodes.Ok;
                }

                var capacity = OverlayCapacity.Of(Ipv4Prefix.Parse(table.Cidr), table.NodePrefixLength);
                Output.Table(
                    context.Out,
                    ["overlay", table.Overlay],
                    [
                        ["id", $"{table.OverlayId}"],
                        ["cidr", table.Cidr],
                        ["node prefix", $"/{table.NodePrefixLength}"],
                        ["port", $"{table.Port}"],
                        ["nodes", $"{table.Nodes.Count} of {capacity}"],
                        ["version", $"{table.Version}"],
                    ]);
                context.Out.WriteLine();
                NodeTable.Write(context.Out, table);
                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
