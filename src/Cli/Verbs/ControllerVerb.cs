using System.Runtime.InteropServices;
using CupsAndString.Cli.ControlPlane;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Cli.Verbs;

public sealed class ControllerVerb : IVerb
{
    /// <summary>
    /// The PostgreSQL schema of the event store and projections (for sharing one database).
    /// </summary>
    public const string SchemaVariable = "CUPS_AND_STRING_SCHEMA";

    public string Name => "controller";

    public string Summary => "run the command service, projections and publisher (until Ctrl-C or SIGTERM)";

    public string Help =>
        "usage: cups-and-string controller [--broker URI] [--database CONNSTR] [--config FILE]\n"
        + "  --database CONNSTR  Npgsql connection string (else $CUPS_AND_STRING_DATABASE, the config\n"
        + $"                      file, {DatabaseAddress.Default})\n"
        + ClientVerbs.ServiceFlagsHelp;

    public IReadOnlySet<string> Switches { get; } = new HashSet<string>();

    public async Task<int> RunAsync(CliContext context, Arguments arguments,
        CancellationToken cancellationToken)
    {
        var bus = ClientVerbs.ReadBus(context, arguments);
        var database = ServiceAddresses.ResolveDatabase(
            context, arguments.String("--database"), arguments.String("--config"));
        arguments.EnsureAllUsed();
        var settings = new ControllerSettings(
            bus, database, context.GetEnvironment(SchemaVariable) ?? "cups_and_string");

        // Services first, so an absent one is one line, not a stack of retries.
        try
        {
            await ControllerHost.EnsureDatabaseReachableAsync(database, cancellationToken);
            await ControlPlaneBus.EnsureReachableAsync(bus.Broker, cancellationToken);
        }
        catch (ServiceUnavailableException e)
        {
            throw new UsageException(e.Message, ExitCodes.Unavailable);
        }

        // Run until Ctrl-C (the token) or SIGTERM.
        using var host = ControllerHost.Build(settings, ControllerLogging.Configure);
        var logger = host.Services.GetRequiredService<ILoggerFactory>()
            .CreateLogger("CupsAndString.Controller");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reason = "interrupted (Ctrl-C)";
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            reason = "SIGTERM received";
            stop.Cancel();
        });

        await host.StartAsync(stop.Token);
        ControllerLog.Started(logger, bus.Broker.Display, database.Display, settings.Schema);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            ControllerLog.Stopping(logger, reason);
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(grace.Token);
        ControllerLog.Stopped(logger);
        return ExitCodes.Ok;
    }
}
