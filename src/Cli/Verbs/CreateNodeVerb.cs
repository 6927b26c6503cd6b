using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class CreateNodeVerb : IVerb
{
    public string Name => "create node";

    public string Summary => "add a machine to an overlay (returns its node number and subnet)";

    public string Help =>
        "usage: cups-and-string create node --overlay NAME --address IPV4 [--json]\n"
        + "  --overlay NAME   the overlay to join\n"
        + "  --address IPV4   the machine's underlay address, where its agent listens\n"
        + "  --json           print the result as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var overlayFlag = arguments.String("--overlay");
        var addressFlag = arguments.String("--address");
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        arguments.EnsureAllUsed();

        var overlay = ClientVerbs.OverlayName(context, overlayFlag, "--overlay");

        var address = context.Prompt(addressFlag, "--address", "the node's underlay IPv4 address");
        if (!Ipv4Prefix.TryParseAddress(address, out _))
        {
            throw new UsageException(
                $"--address: '{address}' is not an IPv4 address; write it as four numbers, e.g. 192.0.2.12");
        }

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var node = ClientVerbs.Expect(await client.RequestAsync<AddNode, NodeAccepted>(
                    new AddNode(overlay, address), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, node);
                }
                else if (node.AlreadyMember)
                {
                    context.Out.WriteLine(
                        $"{node.Address} is already node {node.Number} of overlay {node.Overlay} "
                        + $"(subnet {node.Subnet}, id {node.NodeId})");
                }
                else
                {
                    context.Out.WriteLine(
                        $"node {node.Number} joined overlay {node.Overlay}: address {node.Address}, "
                        + $"subnet {node.Subnet}, id {node.NodeId}");
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
