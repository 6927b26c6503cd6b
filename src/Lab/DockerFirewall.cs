namespace CupsAndString.Lab;

/// <summary>
/// The filter rules Docker puts on a host, reduced to what matters for an overlay: the FORWARD
/// chain drops by default; the bridge may send anywhere, talk to itself, and get replies back.
/// New traffic from elsewhere into the bridge is dropped, which is what the agent must open up.
/// </summary>
public static class DockerFirewall
{
    /// <summary>The iptables argument lists that set the rules up for one bridge, in order.</summary>
    public static IReadOnlyList<string[]> Rules(string bridge) =>
    [
        ["-w", "-P", "FORWARD", "DROP"],
        ["-w", "-A", "FORWARD", "-o", bridge, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED",
            "-j", "ACCEPT"],
        ["-w", "-A", "FORWARD", "-i", bridge, "!", "-o", bridge, "-j", "ACCEPT"],
        ["-w", "-A", "FORWARD", "-i", bridge, "-o", bridge, "-j", "ACCEPT"],
    ];
}
