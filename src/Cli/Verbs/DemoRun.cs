using System.Net;
using System.Text.RegularExpressions;
using CupsAndString.Contracts;
using CupsAndString.Lab;

namespace CupsAndString.Cli.Verbs;

/// <summary>
/// One run of the demo: the control plane and the overlay through the real CLI, the lab, one
/// agent per host, then traffic and the report. Without --keep everything is removed at the end,
/// also when a step fails.
/// </summary>
internal sealed partial class DemoRun(CliContext context, DemoServices services, DemoSelf self)
{
    public const string Prefix = "cdemo";

    public const string Overlay = "demo";

    private const int Hosts = 3;

    private const int ContainersPerHost = 2;

    private const int HttpPort = 8080;

    private static readonly TimeSpan ControlPlaneWait = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan OverlayWait = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly LabNames _names = new(Prefix);

    private readonly List<LabProcess> _services = [];

    private LabProcess? _controller;

    public async Task<int> RunAsync(bool keep, CancellationToken cancellationToken)
    {
        var folder = new LabFolder(_names);
        try
        {
            return await RunStepsAsync(folder, keep, cancellationToken);
        }
        catch (LabException e)
        {
            WriteLogTails(folder);
            throw new UsageException(e.Message, ExitCodes.Internal);
        }
        finally
        {
            if (!keep)
            {
                await RemoveOverlayAtEndAsync();
            }

            foreach (var process in _services)
            {
                await process.DisposeAsync();
            }

            if (!keep)
            {
                await NetworkLab.RemoveAsync(_names, null, CancellationToken.None);
            }
        }
    }

    private async Task<int> RunStepsAsync(LabFolder folder, bool keep, CancellationToken cancellationToken)
    {
        Step("removing whatever an earlier demo left");
        await NetworkLab.RemoveAsync(_names, Detail, cancellationToken);
        folder.Create();

        Step("starting the controller");
        var controller = Track(folder.Launch(
            new LabProcessStart(self.Program, self.Arguments("controller"))
            {
                LogFile = folder.File("controller.log"),

                // Passwords go through the environment, never the command line others can read.
                Environment = new Dictionary<string, string>
                {
                    [DemoServices.BrokerVariable] = services.Broker,
                    [DemoServices.DatabaseVariable] = services.Database,
                },
            }));
        Detail($"pid {controller.Pid}, log {controller.Start.LogFile}");
        _controller = controller;

        Step($"creating the overlay '{Overlay}' through the CLI");
        await CreateOverlayAsync(controller, cancellationToken);
        var subnets = new Dictionary<int, Ipv4Prefix>();
        for (var n = 1; n <= Hosts; n++)
        {
            subnets[n] = await AddNodeAsync(n, cancellationToken);
        }

        Step("building the lab: underlay, hosts, bridges, containers, management link");
        var topology = LabTopology.Create(new LabOptions
        {
            Prefix = Prefix,
            Hosts = Hosts,
            ContainersPerHost = ContainersPerHost,
            Subnets = subnets,
            RemoveLeftovers = false,
        });
        var lab = await NetworkLab.BuildAsync(topology, Detail, cancellationToken);
        await EnsureBrokerReachableFromHostsAsync(lab, cancellationToken);

        Step("starting one agent per host");
        foreach (var host in topology.Hosts)
        {
            StartAgent(lab, host);
        }

        Step("waiting for the overlay to carry traffic");
        var first = topology.Container(1, 1);
        var last = topology.Container(Hosts, 1);
        await WaitForOverlayAsync(lab, first, last, cancellationToken);

        Step($"fetching a web page served in {last.Label} ({last.Address}) from {first.Label}");
        var fetch = await FetchAsync(lab, first, last, cancellationToken);

        Step("pinging every pair of containers");
        var pings = await PingAllAsync(lab, cancellationToken);

        var report = new DemoReport(context.Out, topology);
        report.WriteFetch(fetch);
        report.WritePings(pings);
        var tunnel = await lab.RouteDeviceAsync(topology.Host(1).Namespace, last.Address, cancellationToken);
        report.WritePath(first, last, tunnel);

        var passed = fetch.Succeeded && pings.All(p => p.Result.Succeeded);
        if (keep)
        {
            lab.Keep();
            _services.ForEach(p => p.Detach());
            report.WriteHowToEnter(folder);
        }

        context.Out.WriteLine(passed
            ? "demo passed: the web page and every ping crossed the overlay"
            : "demo FAILED: see the table above and the logs in " + folder.Path);
        return passed ? ExitCodes.Ok : ExitCodes.Rejected;
    }

    private async Task CreateOverlayAsync(LabProcess controller, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ControlPlaneWait;
        var leftoverRemoved = false;
        while (true)
        {
            // A crashed or kept earlier demo may have left its overlay: start from a fresh one.
            var result = leftoverRemoved
                ? await CliAsync(["create", "overlay", Overlay, "--json"], cancellationToken)
                : await CliAsync(["remove", "overlay", Overlay, "--force"], cancellationToken);
            if (!leftoverRemoved && (result.Succeeded || result.ExitCode == ExitCodes.Rejected))
            {
                Detail(result.Succeeded
                    ? $"removed the overlay '{Overlay}' an earlier demo left"
                    : $"no overlay '{Overlay}' is left from an earlier demo");
                leftoverRemoved = true;
                continue;
            }

            if (result.Succeeded)
            {
                Detail($"created: {OneLine(result.Output)}");
                return;
            }

            if (controller.HasExited)
            {
                throw new LabException($"the controller stopped; see {controller.Start.LogFile}");
            }

            if (DateTime.UtcNow > deadline || result.ExitCode is ExitCodes.Usage or ExitCodes.Rejected)
            {
                throw new LabException(
                    $"creating the overlay failed ({result.ExitCode}): "
                    + OneLine(result.Error + result.Output));
            }

            Detail("the control plane is not answering yet; trying again");
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>
    /// Removes the demo's overlay while its controller still runs; a failure is only reported,
    /// since the namespaces and processes are removed next in any case.
    /// </summary>
    private async Task RemoveOverlayAtEndAsync()
    {
        if (_controller is null || _controller.HasExited)
        {
            return;
        }

        var result = await CliAsync(["remove", "overlay", Overlay, "--force"], CancellationToken.None);
        context.Out.WriteLine(result.Succeeded
            ? $"removed the overlay '{Overlay}' from the control plane"
            : $"could not remove the overlay '{Overlay}': {OneLine(result.Error + result.Output)}");
    }

    private async Task<Ipv4Prefix> AddNodeAsync(int host, CancellationToken cancellationToken)
    {
        var address = LabAddresses.UnderlayHost(host).ToString();
        var result = await CliAsync(
            ["create", "node", "--overlay", Overlay, "--address", address, "--json"],
            cancellationToken);
        string output;
        if (result.Succeeded)
        {
            output = result.Output;
        }
        else if (result.ExitCode == ExitCodes.Rejected && AlreadyThere(result))
        {
            var list = await CliAsync(["list", "nodes", "--overlay", Overlay], cancellationToken);
            output = list.EnsureSuccess().Output.Split('\n')
                .FirstOrDefault(line => MentionsAddress(line, address)) ?? "";
        }
        else
        {
            throw new LabException(
                $"adding node {address} failed ({result.ExitCode}): "
                + OneLine(result.Error + result.Output));
        }

        var subnet = FindSubnet(output)
            ?? throw new LabException($"could not find node {address}'s subnet in: {OneLine(output)}");
        Detail($"node {address} owns {subnet}");
        return subnet;
    }

    private async Task EnsureBrokerReachableFromHostsAsync(
        NetworkLab lab,
        CancellationToken cancellationToken)
    {
        var endpoint = new IPEndPoint(LabAddresses.ManagementRoot, services.BrokerPort);
        var host = lab.Topology.Host(1);
        if (!await lab.CanConnectAsync(host.Namespace, endpoint, TimeSpan.FromSeconds(3), cancellationToken))
        {
            throw new UsageException(
                $"RabbitMQ does not answer on {endpoint} from inside the lab: it listens on loopback only; "
                + "make it listen on all addresses "
                + "(RABBITMQ_NODE_IP_ADDRESS=0.0.0.0, as ./configure and ./test do)",
                ExitCodes.Unavailable);
        }
    }

    private void StartAgent(NetworkLab lab, LabHost host)
    {
        var dockerConfig = lab.Folder.File($"{host.Label}-daemon.json");
        File.WriteAllText(dockerConfig, "{}\n");
        var agent = Track(lab.Launch(new LabProcessStart(
            self.Program,
            self.Arguments(
                "agent",
                "--overlay", Overlay,
                "--address", host.UnderlayAddress.ToString(),
                "--state-dir", lab.Folder.File($"{host.Label}-state"),
                "--docker-config", dockerConfig))
        {
            Namespace = host.Namespace,
            LogFile = lab.Folder.File($"agent-{host.Label}.log"),
            Environment = new Dictionary<string, string>
            {
                [DemoServices.BrokerVariable] = services.BrokerSeenFrom(LabAddresses.ManagementRoot),
            },
        }));
        Detail($"{host.Label}: pid {agent.Pid}, log {agent.Start.LogFile}");
    }

    private async Task WaitForOverlayAsync(
        NetworkLab lab,
        LabContainer from,
        LabContainer to,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + OverlayWait;
        while (true)
        {
            var ping = await lab.PingAsync(from, to.Address, 1, cancellationToken);
            if (ping.Succeeded)
            {
                Detail($"{from.Label} reaches {to.Label}");
                return;
            }

            var stopped = _services.FirstOrDefault(p => p.HasExited);
            if (stopped is not null)
            {
                throw new LabException($"{stopped.Description} stopped; see {stopped.Start.LogFile}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new LabException(
                    $"{from.Label} could not reach {to.Label} within {OverlayWait.TotalSeconds:0} s "
                    + "of starting the agents");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private static async Task<DemoFetch> FetchAsync(
        NetworkLab lab,
        LabContainer client,
        LabContainer server,
        CancellationToken cancellationToken)
    {
        var body = $"hello from {server.Label} ({server.Address}) through the overlay";
        await using var http = await lab.ServeHttpAsync(server, HttpPort, body, cancellationToken);
        var url = new Uri($"http://{server.Address}:{HttpPort}/");
        var result = await lab.FetchAsync(client, url, cancellationToken);
        return new DemoFetch(client, server, url, result, body, http.Served);
    }

    private static async Task<List<DemoPing>> PingAllAsync(
        NetworkLab lab,
        CancellationToken cancellationToken)
    {
        var containers = lab.Topology.Containers.ToList();
        var results = new List<DemoPing>();
        for (var i = 0; i < containers.Count; i++)
        {
            for (var j = i + 1; j < containers.Count; j++)
            {
                var result = await lab.PingAsync(containers[i], containers[j].Address, 3, cancellationToken);
                results.Add(new DemoPing(containers[i], containers[j], result));
            }
        }

        return results;
    }

    private Task<CommandResult> CliAsync(string[] words, CancellationToken cancellationToken) =>
        LabProcess.RunAsync(
            new LabProcessStart(self.Program, self.Arguments(words))
            {
                Environment = new Dictionary<string, string>
                {
                    [DemoServices.BrokerVariable] = services.Broker,
                    [DemoServices.DatabaseVariable] = services.Database,
                },
            },
            CommandTimeout,
            cancellationToken);

    private LabProcess Track(LabProcess process)
    {
        _services.Add(process);
        return process;
    }

    private void WriteLogTails(LabFolder folder)
    {
        if (!Directory.Exists(folder.Path))
        {
            return;
        }

        foreach (var log in Directory.GetFiles(folder.Path, "*.log").Order(StringComparer.Ordinal))
        {
            context.Error.WriteLine($"--- last lines of {Path.GetFileName(log)}");
            foreach (var line in File.ReadLines(log).TakeLast(15))
            {
                context.Error.WriteLine($"    {line}");
            }
        }
    }

    private void Step(string text) => context.Out.WriteLine($"* {text}");

    private void Detail(string text) => context.Out.WriteLine($"    {text}");

    private static bool AlreadyThere(CommandResult result)
    {
        var text = result.Error + result.Output;
        return text.Contains("taken", StringComparison.OrdinalIgnoreCase)
            || text.Contains("already", StringComparison.OrdinalIgnoreCase)
            || text.Contains("exists", StringComparison.OrdinalIgnoreCase);
    }

    private static bool MentionsAddress(string line, string address) =>
        Regex.IsMatch(line, $@"(?<![\d.]){Regex.Escape(address)}(?![\d/]|\.\d)");

    private static Ipv4Prefix? FindSubnet(string text)
    {
        var overlay = LabAddresses.Overlay;
        foreach (Match match in CidrPattern().Matches(text))
        {
            if (Ipv4Prefix.TryParse(match.Value, out var prefix, out _)
                && overlay.Overlaps(prefix)
                && prefix.Length > overlay.Length)
            {
                return prefix;
            }
        }

        return null;
    }

    private static string OneLine(string text) =>
        string.Join(
            ' ',
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/\d{1,2}")]
    private static partial Regex CidrPattern();
}
