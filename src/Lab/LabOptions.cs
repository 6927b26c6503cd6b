using CupsAndString.Contracts;

namespace CupsAndString.Lab;

/// <summary>What a lab should look like. Every value has a default except the prefix.</summary>
public sealed class LabOptions
{
    public const int MaxHosts = 99;

    public const int MaxContainersPerHost = 99;

    /// <summary>The name prefix of every namespace and link (see <see cref="LabNames"/>).</summary>
    public required string Prefix { get; init; }

    public int Hosts { get; init; } = 3;

    public int ContainersPerHost { get; init; } = 2;

    /// <summary>
    /// Whether building first removes what an earlier lab with the same prefix left (processes,
    /// namespaces, links, folder). A caller that removed the leftovers itself and has since started
    /// programs recorded in the lab's folder sets this to false so they survive the build.
    /// </summary>
    public bool RemoveLeftovers { get; init; } = true;

    /// <summary>Whether to build the management link to the root namespace.</summary>
    public bool Management { get; init; } = true;

    /// <summary>
    /// Whether hosts forward IPv4 (net.ipv4.ip_forward=1), as on a machine running Docker.
    /// </summary>
    public bool Forwarding { get; init; } = true;

    /// <summary>
    /// Whether each host gets Docker's filter rules: a FORWARD DROP policy that lets only the
    /// bridge's own traffic out, and replies back in.
    /// </summary>
    public bool DockerFirewall { get; init; } = true;

    /// <summary>
    /// The container subnet of each host, by host number. Hosts not listed get the Nth /24 of
    /// the default overlay (<see cref="LabAddresses.HostSubnet"/>).
    /// </summary>
    public IReadOnlyDictionary<int, Ipv4Prefix> Subnets { get; init; } = new Dictionary<int, Ipv4Prefix>();
}
