using System.Globalization;
using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class ListOverlaysVerb : IVerb
{
    public string Name => "list overlays";

    public string Summary => "list every overlay";

    public string Help =>
        "usage: cups-and-string list overlays [--json]\n"
        + "  --json           print the overlays as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        arguments.EnsureAllUsed();

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var list = ClientVerbs.Expect(await client.RequestAsync<ListOverlays, OverlayList>(
                    new ListOverlays(), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, list.Overlays);
                }
                else if (list.Overlays.Count == 0)
                {
                    context.Out.WriteLine("no overlays yet; create one with 'cups-and-string create overlay "
                        + "NAME'");
                }
                else
                {
                    Output.Table(
                        context.Out,
                        ["NAME", "ID", "CIDR", "NODE PREFIX", "PORT", "NODES", "VERSION"],
                        list.Overlays.Select(o => (IReadOnlyList<string>)
                        [
                            o.Name,
                            o.OverlayId.ToString(CultureInfo.InvariantCulture),
                            o.Cidr,
                            $"/{o.NodePrefixLength}",
                            o.Port.ToString(CultureInfo.InvariantCulture),
                            $"{o.Nodes}/{o.Capacity}",
                            o.Version.ToString(CultureInfo.InvariantCulture),
                        ]));
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
