using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>
/// Makes the host match a <see cref="DesiredHostState"/>: compares it with what the kernel has,
/// changes only what differs (so a second run changes nothing), removes the agent's routes that
/// are no longer desired, and undoes its own changes when one step fails. Meant to run after
/// every peer table change and on a timer, since something else may delete a route. Every change
/// is one Information log line. Calls are serialised; the instance may be shared between threads.
/// </summary>
public sealed class HostStateReconciler
{
    private readonly RouteNetlink netlink;
    private readonly IptablesFirewall firewall;
    private readonly ILogger logger;
    private readonly Lock gate = new();

    public HostStateReconciler(
        RouteNetlink netlink,
        IptablesFirewall firewall,
        ILogger<HostStateReconciler> logger)
    {
        this.netlink = netlink;
        this.firewall = firewall;
        this.logger = logger;
    }

    /// <summary>Applies the desired state; returns one line per change made (empty when none).</summary>
    public IReadOnlyList<string> Reconcile(DesiredHostState desired)
    {
        lock (gate)
        {
            var run = new ReconcileRun(desired.Overlay, logger);
            try
            {
                var tun = netlink.FindLink(desired.TunName)
                    ?? throw new InvalidOperationException(
                        $"TUN {desired.TunName} does not exist; the forwarder must open it before "
                        + "host state is applied");
                // The MTU first (it decides whether the TUN has IPv6 settings at all), then the
                // kernel settings, and only then the link up, so IPv6 never starts on the TUN.
                ReconcileMtu(desired, tun, run);
                ReconcileSysctls(desired, run);
                ReconcileUp(desired, tun, run);
                ReconcileAddress(desired, tun, run);
                ReconcileRoutes(desired, tun, run);
                ReconcileFirewall(desired, run);
                return run.Changes;
            }
            catch (Exception e)
            {
                run.Undo(e);
                throw;
            }
        }
    }

    /// <summary>
    /// Removes what the agent added (routes, TUN address, firewall chain) on a clean stop. Goes on
    /// past a failure so one stuck item does not leave the rest behind; returns what it removed.
    /// ip_forward stays on, since other software on the host may rely on it.
    /// </summary>
    public IReadOnlyList<string> RemoveAll(DesiredHostState last)
    {
        lock (gate)
        {
            var removed = new List<string>();
            var tun = TryOrWarn(last.Overlay, $"TUN {last.TunName}", () => netlink.FindLink(last.TunName));
            if (tun is not null)
            {
                var routes = TryOrWarn(last.Overlay, "the list of routes", () => OurRoutes(tun)) ?? [];
                foreach (var route in routes)
                {
                    TryOrWarn(last.Overlay, $"route {route}", () =>
                    {
                        netlink.DeleteRoute(route);
                        logger.RouteChanged(last.Overlay, Describe(route, last.TunName), "removed");
                        removed.Add($"route {Describe(route, last.TunName)}");
                        return 0;
                    });
                }

                var addresses = TryOrWarn(
                    last.Overlay, "the list of addresses", () => netlink.ListAddresses(last.TunName)) ?? [];
                foreach (var address in addresses)
                {
                    TryOrWarn(last.Overlay, $"address {address}", () =>
                    {
                        netlink.DeleteAddress(last.TunName, address.Address, address.PrefixLength);
                        logger.AddressRemoved(last.Overlay, last.TunName, address.ToString());
                        removed.Add($"address {address}");
                        return 0;
                    });
                }
            }

            TryOrWarn(last.Overlay, $"firewall chain {last.FirewallChain}", () =>
            {
                if (firewall.Remove(last.FirewallChain))
                {
                    logger.FirewallRemoved(last.Overlay, last.FirewallChain);
                    removed.Add($"firewall chain {last.FirewallChain}");
                }

                return 0;
            });
            return removed;
        }
    }

    /// <summary>
    /// The smallest egress MTU towards the other nodes of the table (the MTU of the device the
    /// kernel would send each peer's datagrams through), or null when the node is alone.
    /// </summary>
    public int? EgressMtu(PeerTable table, PeerNode local)
    {
        lock (gate)
        {
            int? smallest = null;
            foreach (var peer in table.Nodes.Where(node => node.Number != local.Number))
            {
                var mtu = netlink.GetEgressMtu(IPAddress.Parse(peer.Address));
                smallest = smallest is null ? mtu : Math.Min(smallest.Value, mtu);
            }

            return smallest;
        }
    }

    /// <summary>
    /// The MTU of the device that holds the node's own underlay address, which is the device its
    /// datagrams leave through on a typical host. Fails with a clear message when no device has it.
    /// </summary>
    public int EgressMtuFrom(IPAddress localAddress)
    {
        lock (gate)
        {
            var link = netlink.FindLinkWithAddress(localAddress)
                ?? throw new InvalidOperationException(
                    $"no interface on this host has address {localAddress}; "
                    + "check the node's underlay address");
            return link.Mtu;
        }
    }

    private void ReconcileMtu(DesiredHostState desired, LinkInfo tun, ReconcileRun run)
    {
        if (tun.Mtu != desired.Mtu)
        {
            netlink.SetMtu(desired.TunName, desired.Mtu);
            run.Done($"MTU {tun.Mtu} -> {desired.Mtu} on {desired.TunName}",
                () => netlink.SetMtu(desired.TunName, tun.Mtu));
            logger.MtuSet(desired.Overlay, desired.TunName, desired.Mtu);
        }
    }

    private void ReconcileUp(DesiredHostState desired, LinkInfo tun, ReconcileRun run)
    {
        if (!tun.IsUp)
        {
            netlink.SetUp(desired.TunName);
            run.Done($"{desired.TunName} up", () => netlink.SetDown(desired.TunName));
            logger.LinkUp(desired.Overlay, desired.TunName);
        }
    }

    private void ReconcileAddress(DesiredHostState desired, LinkInfo tun, ReconcileRun run)
    {
        var wanted = new InterfaceAddress(tun.Index, desired.TunAddress, 32);
        var present = netlink.ListAddresses(desired.TunName);
        if (!present.Contains(wanted))
        {
            netlink.AddAddress(desired.TunName, wanted.Address, wanted.PrefixLength);
            run.Done($"address {wanted} on {desired.TunName}",
                () => netlink.DeleteAddress(desired.TunName, wanted.Address, wanted.PrefixLength));
            logger.AddressAdded(desired.Overlay, desired.TunName, wanted.ToString());
        }

        foreach (var stale in present.Where(address => address != wanted))
        {
            netlink.DeleteAddress(desired.TunName, stale.Address, stale.PrefixLength);
            run.Done($"removal of address {stale} from {desired.TunName}",
                () => netlink.AddAddress(desired.TunName, stale.Address, stale.PrefixLength));
            logger.AddressRemoved(desired.Overlay, desired.TunName, stale.ToString());
        }
    }

    private void ReconcileSysctls(DesiredHostState desired, ReconcileRun run)
    {
        foreach (var (setting, value) in desired.Sysctls)
        {
            if (setting.MetWhenAbsent && !setting.Exists)
            {
                continue;
            }

            var previous = setting.Read();
            if (previous == value)
            {
                continue;
            }

            setting.Write(value);
            run.Done($"{setting} = {value}", () => setting.Write(previous));
            logger.SysctlSet(desired.Overlay, setting.Key, value, previous);
        }
    }

    private void ReconcileRoutes(DesiredHostState desired, LinkInfo tun, ReconcileRun run)
    {
        var wanted = desired.OverlayRoutes
            .Select(prefix => new Ipv4Route(prefix, null, tun.Index, PreferredSource: desired.TunAddress));
        var plan = RouteDiff.Compute(wanted, OurRoutes(tun));

        foreach (var (route, previous) in plan.Replace)
        {
            netlink.ReplaceRoute(route);
            var description = Describe(route, desired.TunName);
            run.Done($"route {description}", previous is null
                ? () => netlink.DeleteRoute(route)
                : () => netlink.ReplaceRoute(previous));
            logger.RouteChanged(desired.Overlay, description, previous is null ? "added" : "replaced");
        }

        foreach (var route in plan.Remove)
        {
            netlink.DeleteRoute(route);
            var description = Describe(route, desired.TunName);
            run.Done($"removal of route {description}", () => netlink.ReplaceRoute(route));
            logger.RouteChanged(desired.Overlay, description, "removed");
        }
    }

    private void ReconcileFirewall(DesiredHostState desired, ReconcileRun run)
    {
        if (firewall.IsInstalled(desired.FirewallChain, desired.TunName))
        {
            return;
        }

        IReadOnlyList<string> added;
        try
        {
            added = firewall.Ensure(desired.FirewallChain, desired.TunName);
        }
        catch (FirewallException)
        {
            // Take away the half-built chain; the next reconcile builds it whole.
            TryOrWarn(
                desired.Overlay,
                $"firewall chain {desired.FirewallChain}",
                () => firewall.Remove(desired.FirewallChain));
            throw;
        }

        if (added.Count == 0)
        {
            return;
        }

        run.Done($"firewall {added[0]}", () => firewall.Remove(desired.FirewallChain));
        logger.FirewallAdded(desired.Overlay, added[0]);
        foreach (var rule in added.Skip(1))
        {
            run.Note($"firewall {rule}");
            logger.FirewallAdded(desired.Overlay, rule);
        }
    }

    /// <summary>The agent's routes in the main table that leave through this TUN.</summary>
    private List<Ipv4Route> OurRoutes(LinkInfo tun) =>
        netlink.ListRoutes(RouteProtocols.MainTable, RouteProtocols.Agent)
            .Where(route => route.LinkIndex == tun.Index)
            .ToList();

    private static string Describe(Ipv4Route route, string tunName)
    {
        var via = route.Gateway is null ? string.Empty : $" via {route.Gateway}";
        var src = route.PreferredSource is null ? string.Empty : $" src {route.PreferredSource}";
        return $"{route.Destination}{via} dev {tunName}{src}";
    }

    private T? TryOrWarn<T>(string overlay, string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is KernelCallException or FirewallException or InvalidOperationException)
        {
            logger.RemoveFailed(overlay, what, e);
            return default;
        }
    }
}
