namespace CupsAndString.Lab;

/// <summary>
/// The complete plan of a lab: every namespace, link and address, computed before anything is
/// built so that a test or the demo can print or check it first.
/// </summary>
public sealed class LabTopology
{
    private LabTopology(LabOptions options, LabNames names, IReadOnlyList<LabHost> hosts)
    {
        Options = options;
        Names = names;
        Hosts = hosts;
    }

    public LabOptions Options { get; }

    public LabNames Names { get; }

    public IReadOnlyList<LabHost> Hosts { get; }

    public IEnumerable<LabContainer> Containers => Hosts.SelectMany(h => h.Containers);

    public LabHost Host(int number) =>
        Hosts.FirstOrDefault(h => h.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), $"the lab has no host {number}");

    public LabContainer Container(int host, int number) =>
        Host(host).Containers.FirstOrDefault(c => c.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), $"host {host} has no container {number}");

    /// <summary>Every namespace of the lab, in the order they are created.</summary>
    public IEnumerable<string> Namespaces =>
        new[] { Names.UnderlayNamespace }
            .Concat(Hosts.Select(h => h.Namespace))
            .Concat(Containers.Select(c => c.Namespace));

    public static LabTopology Create(LabOptions options)
    {
        var names = new LabNames(options.Prefix);
        if (options.Hosts is < 1 or > LabOptions.MaxHosts)
        {
            throw new ArgumentException($"a lab has 1 to {LabOptions.MaxHosts} hosts, not {options.Hosts}");
        }

        if (options.ContainersPerHost is < 0 or > LabOptions.MaxContainersPerHost)
        {
            throw new ArgumentException(
                $"a host has 0 to {LabOptions.MaxContainersPerHost} containers, "
                + $"not {options.ContainersPerHost}");
        }

        var hosts = new List<LabHost>();
        for (var n = 1; n <= options.Hosts; n++)
        {
            hosts.Add(CreateHost(options, names, n));
        }

        return new LabTopology(options, names, hosts);
    }

    private static LabHost CreateHost(LabOptions options, LabNames names, int n)
    {
        var subnet = options.Subnets.TryGetValue(n, out var chosen) ? chosen : LabAddresses.HostSubnet(n);
        if (subnet.Size < (ulong)options.ContainersPerHost + 3)
        {
            throw new ArgumentException(
                $"host {n}'s subnet {subnet} is too small for {options.ContainersPerHost} containers");
        }

        var gateway = subnet.AddressAt(1);
        var containers = Enumerable.Range(1, options.ContainersPerHost)
            .Select(m => new LabContainer(
                n,
                m,
                names.ContainerNamespace(n, m),
                names.ContainerInterface(n, m),
                names.ContainerPort(n, m),
                subnet.AddressAt((uint)(1 + m)),
                subnet.Length,
                gateway))
            .ToList();

        return new LabHost(
            n,
            names.HostNamespace(n),
            names.HostUnderlay(n),
            names.HostUnderlayPort(n),
            LabAddresses.UnderlayHost(n),
            names.HostManagement(n),
            names.HostManagementPort(n),
            LabAddresses.ManagementHost(n),
            names.HostBridge(n),
            subnet,
            containers);
    }
}
