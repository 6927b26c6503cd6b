using CupsAndString.Cli.ControlPlane;
using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// Removes the demo's overlay for <c>demo down</c>, with its nodes, through whichever controller
/// answers on the broker found the usual way. Never fails: it says what happened, also when
/// nothing answers.
/// </summary>
internal static class DemoOverlayRemoval
{
    public static async Task RemoveAsync(
        CliContext context,
        string? brokerFlag,
        string? configFlag,
        CancellationToken cancellationToken)
    {
        try
        {
            var bus = new BusSettings(
                ServiceAddresses.ResolveBroker(context, brokerFlag, configFlag),
                context.GetEnvironment(ClientVerbs.PrefixVariable) ?? "");

            await using var client = await ControlPlaneClient.ConnectAsync(
                bus, ControlPlaneClient.DefaultTimeout, cancellationToken);
            var (removed, rejection) = await client.RequestAsync<RemoveOverlay, OverlayRemovalAccepted>(
                new RemoveOverlay(DemoRun.Overlay, Force: true), cancellationToken);
            context.Out.WriteLine(
                removed is not null ? $"removed the overlay '{DemoRun.Overlay}' from the control plane"
                : rejection!.Rule == Rules.OverlayUnknown
                    ? $"the control plane holds no overlay '{DemoRun.Overlay}'"
                    : $"the overlay '{DemoRun.Overlay}' was not removed: {rejection.Reason}");
        }
        catch (Exception e)
            when (e is ServiceUnavailableException or MassTransit.RequestFaultException or UsageException)
        {
            context.Out.WriteLine(
                $"the control plane did not answer, so the overlay '{DemoRun.Overlay}' may remain "
                + $"({e.Message}); remove it later with "
                + $"'cups-and-string remove overlay {DemoRun.Overlay} --force'");
        }
    }
}
