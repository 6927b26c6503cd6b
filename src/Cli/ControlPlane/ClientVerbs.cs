using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;
using MassTransit;

namespace CupsAndString.Cli.ControlPlane;

/// <summary>What every verb that talks to the controller shares: flags, connection, replies.</summary>
internal static class ClientVerbs
{
    /// <summary>Names every exchange and queue with a prefix, so control planes can share a broker.</summary>
    public const string PrefixVariable = "CUPS_AND_STRING_PREFIX";

    public const string ServiceFlagsHelp =
        "  --broker URI     amqp://user:password@host:port/vhost (else $CUPS_AND_STRING_BROKER,\n"
        + "                   the config file, amqp://guest:guest@127.0.0.1:5672/)\n"
        + "  --config FILE    {\"broker\": ..., \"database\": ...} (default "
            + "/etc/cups-and-string/config.json)";

    public static IReadOnlySet<string> JsonSwitch { get; } = new HashSet<string> { "--json" };

    /// <summary>Reads --broker and --config; call before <see cref="Arguments.EnsureAllUsed"/>.</summary>
    public static BusSettings ReadBus(CliContext context, Arguments arguments)
    {
        var broker = ServiceAddresses.ResolveBroker(context, arguments.String("--broker"),
            arguments.String("--config"));
        return new BusSettings(broker, context.GetEnvironment(PrefixVariable) ?? "");
    }

    /// <summary>
    /// The overlay name given on the command line, or asked for on a terminal; a name that breaks
    /// the naming rule is a usage error that names <paramref name="flag"/>.
    /// </summary>
    public static string OverlayName(CliContext context, string? given, string flag)
    {
        var overlay = context.Prompt(given, flag, "overlay name");
        return Names.Validate(overlay) is { } problem
            ? throw new UsageException($"{flag}: {problem}")
            : overlay;
    }

    /// <summary>
    /// Connects, runs the body, and reports an unreachable broker or controller as exit 69.
    /// </summary>
    public static async Task<int> RunAsync(
        BusSettings settings,
        Func<ControlPlaneClient, Task<int>> body,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var client = await ControlPlaneClient.ConnectAsync(
                settings, ControlPlaneClient.DefaultTimeout, cancellationToken);
            return await body(client);
        }
        catch (ServiceUnavailableException e)
        {
            throw new UsageException(e.Message, ExitCodes.Unavailable);
        }
        catch (RequestFaultException e)
        {
            var cause = e.Fault?.Exceptions.FirstOrDefault()?.Message ?? e.Message;
            throw new UsageException(
                $"the controller failed while handling the request: {cause}; see the controller's log",
                ExitCodes.Internal);
        }
    }

    /// <summary>The reply, or the broken rule's sentence as the one-line error (exit 1).</summary>
    public static T Expect<T>((T? Reply, CommandRejected? Rejection) result)
        where T : class =>
        result.Rejection is { } rejection
            ? throw new UsageException(rejection.Reason, ExitCodes.Rejected)
            : result.Reply!;
}
