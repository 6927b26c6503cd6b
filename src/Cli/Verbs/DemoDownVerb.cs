using CupsAndString.Lab;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// <c>cups-and-string demo down</c>: removes everything a demo left (after --keep or a crash).
/// </summary>
public sealed class DemoDownVerb : IVerb
{
    public string Name => "demo down";

    public string Summary => "remove the demo's overlay, namespaces, links, processes and files";

    public string Help =>
        """
        usage: cups-and-string demo down [--broker URI] [--config FILE]

        Removes the overlay 'demo' from the control plane when a controller answers (found like
        every verb finds it: --broker, $CUPS_AND_STRING_BROKER, the config file, then the loopback
        default),
        then stops the controller and agents a demo started, deletes its namespaces and links
        (every name starting with 'cdemo-') and its folder under /run/cups-and-string/labs. Safe to
        run when nothing is left. Needs root.
        """;

    public IReadOnlySet<string> Switches { get; } = new HashSet<string>();

    public async Task<int> RunAsync(
        CliContext context,
        Arguments arguments,
        CancellationToken cancellationToken)
    {
        var broker = arguments.String("--broker");
        var config = arguments.String("--config");
        arguments.EnsureAllUsed();
        if (!Environment.IsPrivilegedProcess)
        {
            throw new UsageException(
                "removing the demo's namespaces needs root; run it as root (for example with sudo)",
                ExitCodes.NoPermission);
        }

        // First the overlay, while a demo's controller may still be running to answer.
        await DemoOverlayRemoval.RemoveAsync(context, broker, config, cancellationToken);

        var removed = await NetworkLab.RemoveAsync(
            new LabNames(DemoRun.Prefix),
            line => context.Out.WriteLine($"  {line}"),
            cancellationToken);
        context.Out.WriteLine(removed.IsEmpty ? "nothing to remove: no demo is up" : $"removed {removed}");
        return ExitCodes.Ok;
    }
}
