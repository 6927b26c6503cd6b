using System.Globalization;
using CupsAndString.Contracts;
using CupsAndString.Lab;

namespace CupsAndString.Cli.Verbs;

/// <summary>Prints what the demo saw: the web request, the ping table, and one packet's path.</summary>
internal sealed class DemoReport(TextWriter output, LabTopology topology)
{
    public void WriteFetch(DemoFetch fetch)
    {
        output.WriteLine();
        output.WriteLine($"HTTP  {fetch.Client.Label} -> {fetch.Url}");
        if (fetch.Succeeded)
        {
            output.WriteLine($"      ok: \"{fetch.Result.Output.Trim()}\"");
        }
        else
        {
            var said = (fetch.Result.Error + fetch.Result.Output).Trim();
            output.WriteLine(
                $"      FAILED (curl exit {fetch.Result.ExitCode}, "
                + $"server answered {fetch.ServedRequests}): {said}");
        }
    }

    public void WritePings(IReadOnlyList<DemoPing> pings)
    {
        output.WriteLine();
        output.WriteLine($"{"pair",-26} {"path",-10} {"result",-8} {"round trip",10}");
        foreach (var ping in pings)
        {
            var pair = $"{ping.From.Label} -> {ping.To.Label} ({ping.To.Address})";
            var path = ping.CrossesOverlay ? "overlay" : "bridge";
            var result = ping.Result.Succeeded ? "ok" : $"{ping.Result.Received}/{ping.Result.Sent}";
            var rtt = ping.Result.AverageRoundTrip is { } average
                ? string.Create(CultureInfo.InvariantCulture, $"{average.TotalMilliseconds:0.000} ms")
                : "-";
            output.WriteLine($"{pair,-26} {path,-10} {result,-8} {rtt,10}");
        }

        var passed = pings.Count(p => p.Result.Succeeded);
        output.WriteLine($"{passed} of {pings.Count} pairs answered");
    }

    /// <summary>The way one packet went from a container on one host to a container on another.</summary>
    public void WritePath(LabContainer from, LabContainer to, string? tunnel)
    {
        var source = topology.Host(from.Host);
        var target = topology.Host(to.Host);
        var tun = tunnel ?? "the agent's TUN";
        output.WriteLine();
        output.WriteLine($"the path of one packet from {from.Label} to {to.Label}:");
        output.WriteLine(
            $"  {from.Label} {from.Address} ({from.Interface}) default route via {from.Gateway}");
        output.WriteLine($"  -> {source.Label} bridge {source.Bridge} {source.BridgeAddress}");
        output.WriteLine($"  -> {source.Label} route {LabAddresses.Overlay} dev {tun}, read by the agent");
        output.WriteLine(
            $"  -> UDP {source.UnderlayAddress} -> {target.UnderlayAddress}:{OverlayDefaults.Port} "
            + $"over the underlay ({source.UnderlayInterface} -> {topology.Names.UnderlayBridge} -> "
            + $"{target.UnderlayInterface})");
        output.WriteLine($"  -> {target.Label} agent checks the sender and writes it into {tun}");
        output.WriteLine($"  -> {target.Label} bridge {target.Bridge} {target.BridgeAddress}");
        output.WriteLine($"  -> {to.Label} {to.Address} ({to.Interface})");
    }

    public void WriteHowToEnter(LabFolder folder)
    {
        output.WriteLine();
        output.WriteLine("the lab stays up (--keep). Enter a host or a container with either of:");
        foreach (var host in topology.Hosts)
        {
            foreach (var name in host.Containers.Select(c => c.Namespace).Prepend(host.Namespace))
            {
                output.WriteLine($"  nsenter --net=/run/netns/{name} bash   or   ip netns exec {name} bash");
            }
        }

        output.WriteLine($"logs and agent state: {folder.Path}");
        output.WriteLine("the web server stopped with the demo; ping and curl work between the containers");
        output.WriteLine("remove everything with: cups-and-string demo down");
    }
}
