using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

public sealed class ReplayVerb : IVerb
{
    public string Name => "replay";

    public string Summary => "rebuild peer tables from the events and publish them to every agent";

    public string Help =>
        "usage: cups-and-string replay [--overlay NAME] [--json]\n"
        + "  --overlay NAME   rebuild only this overlay (default: all)\n"
        + "  --json           print the result as JSON\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches => ClientVerbs.JsonSwitch;

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var overlay = arguments.String("--overlay");
        var json = arguments.Switch("--json");
        var bus = ClientVerbs.ReadBus(context, arguments);
        arguments.EnsureAllUsed();

        if (overlay is not null && Names.Validate(overlay) is { } nameProblem)
        {
            throw new UsageException($"--overlay: {nameProblem}");
        }

        return await ClientVerbs.RunAsync(
            bus,
            async client =>
            {
                var done = ClientVerbs.Expect(await client.RequestAsync<Replay, ReplayCompleted>(
                    new Replay(overlay), cancellationToken));
                if (json)
                {
                    Output.Json(context.Out, done);
                }
                else
                {
                    var events = done.Events == 1 ? "1 event" : $"{done.Events} events";
                    var tables = done.Overlays == 1
                        ? "1 peer table and republished it"
                        : $"{done.Overlays} peer tables and republished them";
                    context.Out.WriteLine($"replayed {events} into {tables}");
                }

                return ExitCodes.Ok;
            },
            cancellationToken);
    }
}
