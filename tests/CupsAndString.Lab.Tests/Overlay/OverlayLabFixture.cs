using System.Diagnostics;
using System.Globalization;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Agent;

namespace CupsAndString.Lab.Tests.Overlay;

/// <summary>
/// A lab whose hosts run real agents: the built <c>cups-and-string agent --peers FILE</c>, one
/// process per host inside the host's namespace, all reading one static peer table the fixture
/// writes. Built once per test class; the tests may stop, kill and restart agents through it.
/// </summary>
public abstract class OverlayLabFixture : IAsyncLifetime
{
    public const string Overlay = "e2e";
    public const uint OverlayId = 0xE2E;

    /// <summary>How long the overlay may take to carry a first ping after the agents start.</summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);

    private readonly Dictionary<int, LabProcess> _agents = [];
    private NetworkLab? _lab;

    protected abstract string Prefix { get; }

    protected abstract int HostCount { get; }

    public NetworkLab Lab => _lab ?? throw new InvalidOperationException("the lab was not built");

    public LabTopology Topology => Lab.Topology;

    public PeerTable Table { get; private set; } = null!;

    public string PeersFile => Lab.Folder.File("peers.json");

    /// <summary>The program the tests run: the cups-and-string built next to the test assembly.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "cups-and-string");

    public async Task InitializeAsync()
    {
        if (LabPrerequisites.Problem() is not null)
        {
            return;
        }

        var topology = LabTopology.Create(new LabOptions
        {
            Prefix = Prefix,
            Hosts = HostCount,
            ContainersPerHost = 2,
            Management = false,
        });
        _lab = await NetworkLab.BuildAsync(topology, null, CancellationToken.None);

        Table = new PeerTable(
            Overlay,
            OverlayId,
            OverlayDefaults.Cidr,
            OverlayDefaults.NodePrefixLength,
            OverlayDefaults.Port,
            1,
            topology.Hosts
                .Select(h => new PeerNode(
                    h.Number,
                    new Guid(0xE2E, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)h.Number),
                    h.UnderlayAddress.ToString(),
                    h.Subnet.ToString()))
                .ToList());
        PeerTableFile.Write(PeersFile, Table);

        foreach (var host in topology.Hosts)
        {
            StartAgent(host.Number);
        }

        foreach (var host in topology.Hosts.Skip(1))
        {
            await WaitForOverlayAsync(topology.Container(1, 1), host.Containers[0], CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents.Values)
        {
            await agent.DisposeAsync();
        }

        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }
    }

    /// <summary>The agent process of a host (the latest one started).</summary>
    public LabProcess Agent(int host) => _agents[host];

    public string StateDirectory(int host) => Lab.Folder.File($"h{host}-state");

    public string DockerConfig(int host) => Lab.Folder.File($"h{host}-daemon.json");

    public string AgentLog(int host) => Lab.Folder.File($"agent-h{host}.log");

    public string StatusFile(int host) => AgentStatusFile.PathFor(StateDirectory(host), Overlay);

    /// <summary>Starts the agent of a host, replacing the record of one that was stopped.</summary>
    public LabProcess StartAgent(int host)
    {
        var lab = Lab;
        var agent = lab.Launch(new LabProcessStart(
            Program,
            [
                "agent",
                "--overlay", Overlay,
                "--node", host.ToString(CultureInfo.InvariantCulture),
                "--peers", PeersFile,
                "--state-dir", StateDirectory(host),
                "--docker-config", DockerConfig(host),
            ])
        {
            Namespace = Topology.Host(host).Namespace,
            LogFile = AgentLog(host),
        });
        _agents[host] = agent;
        return agent;
    }

    /// <summary>Kills the agent of a host with SIGKILL (by its PID), as a crash would end it.</summary>
    public async Task KillAgentAsync(int host)
    {
        var agent = _agents[host];
        await agent.StopAsync(TimeSpan.Zero, CancellationToken.None);
        await agent.DisposeAsync();
    }

    /// <summary>Stops the agent of a host with SIGTERM (by its PID), as an operator would.</summary>
    public async Task StopAgentAsync(int host)
    {
        var agent = _agents[host];
        await agent.StopAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await agent.DisposeAsync();
    }

    /// <summary>Everything the agents have logged so far, for assertion messages.</summary>
    public string Logs() => string.Join(
        "\n",
        Topology.Hosts.Select(h => $"--- agent h{h.Number}\n"
            + (File.Exists(AgentLog(h.Number)) ? File.ReadAllText(AgentLog(h.Number)) : "(no log)")));

    /// <summary>Pings until one echo comes back; throws with the agents' logs past the limit.</summary>
    public async Task WaitForOverlayAsync(
        LabContainer from,
        LabContainer to,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ping = await Lab.PingAsync(from, to.Address, 1, cancellationToken);
            if (ping.Succeeded)
            {
                return;
            }

            var stopped = _agents.FirstOrDefault(a => a.Value.HasExited);
            if (stopped.Value is not null)
            {
                throw new LabException($"the agent of h{stopped.Key} stopped:\n{Logs()}");
            }

            if (clock.Elapsed > StartLimit)
            {
                throw new LabException(
                    $"{from.Label} could not reach {to.Label} within {StartLimit.TotalSeconds:0} s:\n"
                    + Logs());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>
    /// Reads the host's status file until one written after <paramref name="after"/> satisfies
    /// the condition, or the limit passes; returns the last status read (null: no file yet).
    /// </summary>
    public async Task<AgentStatus?> StatusAsync(
        int host,
        DateTimeOffset after,
        Func<AgentStatus, bool> condition,
        TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        AgentStatus? last = null;
        while (true)
        {
            try
            {
                last = AgentStatusFile.Read(StatusFile(host));
            }
            catch (InvalidDataException)
            {
                // Not written yet.
            }

            if ((last is not null && last.UpdatedAt > after && condition(last)) || clock.Elapsed > limit)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Runs a program inside a host or container namespace and returns its output.</summary>
    public async Task<string> RunAsync(string @namespace, string program, params string[] arguments)
    {
        var result = await Lab.RunAsync(@namespace, program, arguments, CancellationToken.None);
        return result.EnsureSuccess().Output;
    }
}
