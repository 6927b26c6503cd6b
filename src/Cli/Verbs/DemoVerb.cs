using CupsAndString.Lab;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// <c>cups-and-string demo [--keep]</c>: builds a lab of three hosts on this machine, runs the
/// controller and one agent per host through it, and shows real traffic crossing the overlay.
/// </summary>
public sealed class DemoVerb : IVerb
{
    public string Name => "demo";

    public string Summary => "run the overlay on three hosts in network namespaces and show real traffic";

    public string Help =>
        """
        usage: cups-and-string demo [--keep] [--broker URI] [--database CONNSTR] [--config FILE]

        Builds three hosts in network namespaces (each with a bridge standing in for Docker's and
        two containers), starts the controller and one agent per host, creates the overlay 'demo'
        (removing one an earlier demo left) and its nodes through the CLI, then fetches a web page
        from a container on host 3 out of a container on host 1 and pings every pair of
        containers. At the end it removes the overlay and the lab. Needs root, and RabbitMQ and
        PostgreSQL running on this machine (./configure sets them up). RabbitMQ must listen on
        all addresses: the agents reach it over the demo's management link at 198.51.100.1.

          --keep              leave the lab, the controller and the agents running and print how
                              to enter the hosts and containers; 'cups-and-string demo down'
                              removes it all, the overlay included
          --broker URI        RabbitMQ (else $CUPS_AND_STRING_BROKER, the config file, loopback)
          --database CONNSTR  PostgreSQL (else $CUPS_AND_STRING_DATABASE, the config file, loopback)
          --config FILE       the config file (default /etc/cups-and-string/config.json)
        """;

    public IReadOnlySet<string> Switches { get; } = new HashSet<string> { "--keep" };

    public async Task<int> RunAsync(
        CliContext context,
        Arguments arguments,
        CancellationToken cancellationToken)
    {
        var keep = arguments.Switch("--keep");
        var broker = arguments.String("--broker");
        var database = arguments.String("--database");
        var config = arguments.String("--config");
        arguments.EnsureAllUsed();

        var problem = LabPrerequisites.Problem();
        if (problem is not null)
        {
            var code = Environment.IsPrivilegedProcess ? ExitCodes.Unavailable : ExitCodes.NoPermission;
            throw new UsageException(problem, code);
        }

        var services = DemoServices.Resolve(context, broker, database, config);
        await services.EnsureReachableAsync(cancellationToken);

        var run = new DemoRun(context, services, DemoSelf.Current());
        return await run.RunAsync(keep, cancellationToken);
    }
}
