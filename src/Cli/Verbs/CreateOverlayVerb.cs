using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class CreateOverlayVerb : IVerb
{
    public string Name => "create overlay";

    public string Summary => "create an overlay network";

    public string Help =>
        "usage: cups-and-string create overlay [NAME] [--cidr C] [--node-prefix N] [--port P] [--json]\n"
        + "  NAME             lowercase letters, digits and dashes, 1-32 characters\n"
        + $"  --cidr C         the overlay's IPv4 range (default {OverlayDefaults.Cidr})\n"
        + $"  --node-prefix N  each node's subnet length (default {OverlayDefaults.NodePrefixLength})\n"
        + $"  --port P         the UDP port agents listen on (default {OverlayDefaults.Port})\n"
        + "  --json           print the result as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        // Arguments: every one checked before the broker is contacted.
        var cidrText = arguments.String("--cidr");
        var nodePrefix = arguments.Int("--node-prefix", 1, 30);
        var port = arguments.Int("--port", 1, 65535);
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        var positional = arguments.Positional();
        arguments.EnsureAllUsed();

        var name = ClientVerbs.OverlayName(context, positional, "NAME");

        if (cidrText is not null)
        {
            if (!Ipv4Prefix.TryParse(cidrText, out var cidr, out var cidrProblem))
            {
                throw new UsageException($"--cidr: {cidrProblem}");
            }

            var length = nodePrefix ?? OverlayDefaults.NodePrefixLength;
            if (OverlayCapacity.Of(cidr, length) < 1)
            {
                throw new UsageException(
                    $"--cidr: {cidr} holds no /{length} node subnet besides the first and the last; "
                    + "use a wider --cidr or a longer --node-prefix");
            }
        }

        // Request: the controller decides.
        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var accepted = ClientVerbs.Expect(await client.RequestAsync<CreateOverlay, OverlayAccepted>(
                    new CreateOverlay(name, cidrText, nodePrefix, port), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, accepted);
                }
                else
                {
                    context.Out.WriteLine(
                        $"created overlay {accepted.Name}: id {accepted.OverlayId}, {accepted.Cidr}, "
                        + $"/{accepted.NodePrefixLength} per node (up to {accepted.Capacity} nodes), "
                        + $"UDP port {accepted.Port}");
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
