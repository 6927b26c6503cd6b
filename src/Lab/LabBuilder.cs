namespace CupsAndString.Lab;

/// <summary>
/// Turns a topology into namespaces, links, addresses, routes, sysctls and filter rules, one
/// reported step at a time. Links and addresses go through the agent's netlink module.
/// </summary>
internal sealed class LabBuilder(LabTopology topology, LabKernel kernel, Action<string> progress)
{
    private static readonly TimeSpan IptablesTimeout = TimeSpan.FromSeconds(20);

    private LabNames Names => topology.Names;

    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        // Step: every namespace, each with its loopback up.
        progress($"creating {topology.Namespaces.Count()} namespaces named {Names.Prefix}-*");
        foreach (var name in topology.Namespaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LabKernel.CreateNamespace(name);
            kernel.SetUp(name, "lo");
        }

        // Step: the underlay switch, then each host's link into it.
        progress($"underlay {LabAddresses.Underlay}: bridge {Names.UnderlayBridge} "
            + $"in {Names.UnderlayNamespace}");
        kernel.CreateBridge(Names.UnderlayNamespace, Names.UnderlayBridge);
        kernel.SetUp(Names.UnderlayNamespace, Names.UnderlayBridge);
        foreach (var host in topology.Hosts)
        {
            BuildUnderlayLink(host);
        }

        // Step: each host's Docker stand-in with its containers.
        foreach (var host in topology.Hosts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress($"{host.Label}: bridge {host.Bridge} {host.BridgeAddress}/{host.Subnet.Length}, "
                + $"{host.Containers.Count} containers");
            kernel.CreateBridge(host.Namespace, host.Bridge);
            kernel.AddAddress(host.Namespace, host.Bridge, host.BridgeAddress, host.Subnet.Length);
            kernel.SetUp(host.Namespace, host.Bridge);
            foreach (var container in host.Containers)
            {
                BuildContainer(host, container);
            }
        }

        // Step: the management link from the root namespace to every host.
        if (topology.Options.Management)
        {
            BuildManagement();
        }

        // Step: what Docker sets on its host: forwarding and the FORWARD policy.
        foreach (var host in topology.Hosts)
        {
            await ConfigureHostAsync(host, cancellationToken);
        }
    }

    private void BuildUnderlayLink(LabHost host)
    {
        progress($"{host.Label}: underlay {host.UnderlayInterface} {host.UnderlayAddress}");
        kernel.CreateVethPair(
            host.Namespace,
            host.UnderlayInterface,
            Names.UnderlayNamespace,
            host.UnderlayPort);
        kernel.SetMaster(Names.UnderlayNamespace, host.UnderlayPort, Names.UnderlayBridge);
        kernel.SetUp(Names.UnderlayNamespace, host.UnderlayPort);
        kernel.AddAddress(
            host.Namespace,
            host.UnderlayInterface,
            host.UnderlayAddress,
            LabAddresses.Underlay.Length);
        kernel.SetUp(host.Namespace, host.UnderlayInterface);
    }

    private void BuildContainer(LabHost host, LabContainer container)
    {
        kernel.CreateVethPair(
            container.Namespace,
            container.Interface,
            host.Namespace,
            container.BridgePort);
        kernel.SetMaster(host.Namespace, container.BridgePort, host.Bridge);
        kernel.SetUp(host.Namespace, container.BridgePort);
        kernel.AddAddress(
            container.Namespace,
            container.Interface,
            container.Address,
            container.PrefixLength);
        kernel.SetUp(container.Namespace, container.Interface);
        kernel.AddDefaultRoute(container.Namespace, container.Gateway);
    }

    // NOTE: Every lab with a management link puts 198.51.100.1/24 on a bridge in the root
    // namespace, so two such labs up at once compete for that route and one of them loses its
    // link to the root namespace; build them one at a time (the tests share one collection).
    private void BuildManagement()
    {
        progress($"management link {LabAddresses.Management}: bridge {Names.ManagementBridge} "
            + $"{LabAddresses.ManagementRoot} in the root namespace");
        kernel.CreateBridge(null, Names.ManagementBridge);
        kernel.AddAddress(
            null,
            Names.ManagementBridge,
            LabAddresses.ManagementRoot,
            LabAddresses.Management.Length);
        kernel.SetUp(null, Names.ManagementBridge);
        foreach (var host in topology.Hosts)
        {
            kernel.CreateVethPair(host.Namespace, host.ManagementInterface, null, host.ManagementPort);
            kernel.SetMaster(null, host.ManagementPort, Names.ManagementBridge);
            kernel.SetUp(null, host.ManagementPort);
            kernel.AddAddress(
                host.Namespace,
                host.ManagementInterface,
                host.ManagementAddress,
                LabAddresses.Management.Length);
            kernel.SetUp(host.Namespace, host.ManagementInterface);
        }
    }

    private async Task ConfigureHostAsync(LabHost host, CancellationToken cancellationToken)
    {
        var options = topology.Options;
        if (options.Forwarding)
        {
            LabKernel.WriteSysctl(host.Namespace, "net/ipv4/ip_forward", "1");
        }

        if (!options.DockerFirewall)
        {
            return;
        }

        progress($"{host.Label}: FORWARD policy DROP with Docker's rules for {host.Bridge}");
        foreach (var rule in DockerFirewall.Rules(host.Bridge))
        {
            var result = await LabProcess.RunAsync(
                new LabProcessStart("iptables", rule) { Namespace = host.Namespace },
                IptablesTimeout,
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new LabException(
                    $"failed to set a FORWARD rule in {host.Namespace} ({result.Description}): "
                    + result.Error.Trim());
            }
        }
    }
}
