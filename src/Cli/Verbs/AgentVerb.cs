using System.Runtime.InteropServices;
using CupsAndString.Cli.ControlPlane;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;
using CupsAndString.NodeAgent.Docker;
using CupsAndString.NodeAgent.Forwarding;
using CupsAndString.NodeAgent.Hosting;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Routing;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// <c>cups-and-string agent</c>: runs the node agent of one overlay in the foreground until
/// SIGTERM or Ctrl-C. The peer tables come from --peers FILE or from the control plane (a source
/// the composition root passes in); the kernel side is the host state reconciler over rtnetlink
/// unless another is passed in.
/// </summary>
public sealed class AgentVerb(
    Func<AgentOptions, ILoggerFactory, INodeKernel>? kernel = null,
    Func<bool>? isRoot = null) : IVerb
{
    private readonly Func<bool> _isRoot = isRoot ?? (() => Environment.IsPrivilegedProcess);

    public string Name => "agent";

    public string Summary => "run the node agent of one overlay (root)";

    public string Help => $"""
        usage: cups-and-string agent --overlay NAME (--address IPV4 | --node NUMBER|ID) [flags]

          --overlay NAME        the overlay this agent serves
          --address IPV4        find this node in the peer table by its underlay address
          --node NUMBER|ID      find this node by its number or id
          --broker URI          RabbitMQ (default: $CUPS_AND_STRING_BROKER, the config file, loopback)
          --config FILE         the config file holding the broker address
                                (default /etc/cups-and-string/config.json)
          --peers FILE          run from a static peer table instead of the broker
          --state-dir DIR       where the last peer table and status-OVERLAY.json are kept
                                (default {AgentOptions.DefaultStateDirectory})
          --docker-config PATH  Docker's daemon.json (default {AgentOptions.DefaultDockerConfig})
          --restart-docker      restart Docker when daemon.json changed (stops containers)
          --mtu N               overlay MTU, {OverlayMtu.Minimum} to {OverlayMtu.Maximum}
                                (default: egress MTU minus 36)
        """;

    public IReadOnlySet<string> Switches { get; } = new HashSet<string> { "--restart-docker" };

    public async Task<int> RunAsync(
        CliContext context,
        Arguments arguments,
        CancellationToken cancellationToken)
    {
        // Arguments, before any I/O.
        var configFile = arguments.String("--config");
        var options = Parse(arguments);

        // Privileges.
        if (!_isRoot())
        {
            throw new UsageException(
                "needs root to create the TUN device and change routes; run it as root",
                ExitCodes.NoPermission);
        }

        // Inputs read from disk, each refused with one line naming its flag.
        var bus = options.PeersFile is null ? ReadBus(context, options.Broker, configFile) : null;
        var peersFile = options.PeersFile is null ? null : LoadPeersFile(options);
        CheckHostPaths(options);

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));

        // Where the tables come from, and who changes the kernel.
        await using var controlPlane = bus is null
            ? null
            : AgentControlPlane.Start(bus, options.Overlay, options.StateDirectory, loggerFactory);
        IPeerTableSource source = controlPlane is null ? peersFile! : controlPlane.Source;
        using var netlink = kernel is null ? RouteNetlink.Open() : null;
        var nodeKernel = kernel?.Invoke(options, loggerFactory) ?? new ReconcilingNodeKernel(
            new HostStateReconciler(
                netlink!,
                new IptablesFirewall(),
                loggerFactory.CreateLogger<HostStateReconciler>()));

        // Run until SIGTERM or Ctrl-C.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        var docker = DockerBridgeSetup.ForHost(
            options.DockerConfig,
            AgentOptions.DefaultDockerConfig,
            new HostDockerEngine(),
            loggerFactory.CreateLogger<DockerBridgeSetup>());
        var runtime = new AgentRuntime(options, source, nodeKernel, loggerFactory, docker);
        try
        {
            await runtime.RunAsync(stop.Token);
        }
        catch (UnderlayListenException e)
        {
            throw new UsageException(e.Message, ExitCodes.Unavailable);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Checks every flag and builds the options; throws a UsageException naming the flag.</summary>
    public static AgentOptions Parse(Arguments arguments)
    {
        var overlay = arguments.String("--overlay") ?? throw new UsageException("--overlay NAME is required");
        if (Names.Validate(overlay) is { } problem)
        {
            throw new UsageException($"--overlay: {problem}");
        }

        var address = arguments.String("--address");
        var node = arguments.String("--node");
        var selector = (address, node) switch
        {
            (null, null) => throw new UsageException(
                "give --address IPV4 or --node NUMBER|ID to name this node"),
            ({ }, { }) => throw new UsageException("give either --address or --node, not both"),
            ({ } a, null) => Ipv4Prefix.TryParseAddress(a, out _)
                ? LocalNodeSelector.ByAddress(a)
                : throw new UsageException($"--address: '{a}' is not an IPv4 address"),
            (null, { } n) => ParseNode(n),
        };

        var broker = arguments.String("--broker");
        var peers = arguments.String("--peers");
        if (broker is not null && peers is not null)
        {
            throw new UsageException("give either --broker or --peers, not both");
        }

        var options = new AgentOptions(overlay, selector)
        {
            Broker = broker,
            PeersFile = peers,
            StateDirectory = NonEmpty(arguments, "--state-dir") ?? AgentOptions.DefaultStateDirectory,
            DockerConfig = NonEmpty(arguments, "--docker-config") ?? AgentOptions.DefaultDockerConfig,
            RestartDocker = arguments.Switch("--restart-docker"),
            MtuOverride = arguments.Int("--mtu", OverlayMtu.Minimum, OverlayMtu.Maximum),
        };
        arguments.EnsureAllUsed();
        return options;
    }

    /// <summary>
    /// Refuses host paths the agent could never use, before it starts: a state directory that is
    /// a file, a daemon.json that is a directory or sits in a folder that does not exist. A missing
    /// daemon.json in an existing folder is fine (the agent creates it), and so is a missing state
    /// directory.
    /// </summary>
    public static void CheckHostPaths(AgentOptions options)
    {
        if (File.Exists(options.StateDirectory))
        {
            throw new UsageException(
                $"--state-dir: {options.StateDirectory} is a file, not a directory");
        }

        var dockerConfig = options.DockerConfig;
        if (Directory.Exists(dockerConfig))
        {
            throw new UsageException(
                $"--docker-config: {dockerConfig} is a directory; give the path of Docker's daemon.json");
        }

        // The default folder may be missing: a host without Docker (said once in the log).
        var folder = Path.GetDirectoryName(Path.GetFullPath(dockerConfig));
        if (dockerConfig != AgentOptions.DefaultDockerConfig
            && folder is not null
            && !Directory.Exists(folder))
        {
            throw new UsageException(
                $"--docker-config: the folder {folder} does not exist; is Docker installed, "
                    + "or is the path mistyped?");
        }
    }

    private static BusSettings ReadBus(CliContext context, string? broker, string? configFile) =>
        new(
            ServiceAddresses.ResolveBroker(context, broker, configFile),
            context.GetEnvironment(ClientVerbs.PrefixVariable) ?? "");

    private static StaticPeerTableSource LoadPeersFile(AgentOptions options)
    {
        var path = options.PeersFile!;
        StaticPeerTableSource source;
        try
        {
            source = StaticPeerTableSource.Load(path);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"--peers: {e.Message}");
        }

        if (source.Table.Overlay != options.Overlay)
        {
            throw new UsageException(
                $"--peers: {path} describes overlay '{source.Table.Overlay}', not '{options.Overlay}'");
        }

        return options.Node.Find(source.Table) is null
            ? throw new UsageException($"--peers: {path} has no entry for {options.Node}")
            : source;
    }

    private static LocalNodeSelector ParseNode(string text)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, null, out var number) && number >= 1)
        {
            return LocalNodeSelector.ByNumber(number);
        }

        return Guid.TryParse(text, out var id)
            ? LocalNodeSelector.ById(id)
            : throw new UsageException(
                $"--node: '{text}' is neither a node number (1 upwards) nor a node id");
    }

    private static string? NonEmpty(Arguments arguments, string flag)
    {
        var value = arguments.String(flag);
        return value is not null && string.IsNullOrWhiteSpace(value)
            ? throw new UsageException($"{flag} needs a path")
            : value;
    }
}
