using System.ComponentModel;
using System.Diagnostics;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// The agent's firewall rules: a chain of its own that accepts forwarded traffic into and out of
/// the TUN, jumped to from the top of FORWARD, so a FORWARD DROP policy (Docker sets one) does not
/// block the overlay. When Docker's DOCKER-USER chain exists the chain is jumped to from there too,
/// since Docker puts its own jumps above ours in FORWARD each time it starts and DOCKER-USER is the
/// chain it evaluates first. Runs the iptables program (in the network namespace of the calling
/// thread); every change is checked first, so applying twice adds nothing.
/// </summary>
public sealed class IptablesFirewall
{
    private const string ForwardChain = "FORWARD";
    private const string DockerUserChain = "DOCKER-USER";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly string executable;

    public IptablesFirewall(string executable = "iptables")
    {
        this.executable = executable;
    }

    /// <summary>The chain name for a TUN: at most 19 characters, within iptables' 28.</summary>
    public static string ChainFor(string tunName) => $"CAS-{tunName}";

    /// <summary>Whether the chain exists with both rules and every jump to it is in place.</summary>
    public bool IsInstalled(string chain, string tunName) =>
        Succeeds("-S", chain)
        && Succeeds("-C", chain, "-i", tunName, "-j", "ACCEPT")
        && Succeeds("-C", chain, "-o", tunName, "-j", "ACCEPT")
        && JumpSources().All(from => Succeeds("-C", from, "-j", chain));

    /// <summary>Adds what is missing of the chain, its rules and the jump; returns what it added.</summary>
    public IReadOnlyList<string> Ensure(string chain, string tunName)
    {
        var added = new List<string>();
        if (!Succeeds("-S", chain))
        {
            Require("-N", chain);
            added.Add($"chain {chain}");
        }

        foreach (var direction in new[] { "-i", "-o" })
        {
            if (!Succeeds("-C", chain, direction, tunName, "-j", "ACCEPT"))
            {
                Require("-A", chain, direction, tunName, "-j", "ACCEPT");
                added.Add($"rule {chain} {direction} {tunName} ACCEPT");
            }
        }

        foreach (var from in JumpSources())
        {
            if (!Succeeds("-C", from, "-j", chain))
            {
                Require("-I", from, "1", "-j", chain);
                added.Add($"jump {from} -> {chain}");
            }
        }

        return added;
    }

    /// <summary>Removes every jump to the chain, then the chain; false when there was none.</summary>
    public bool Remove(string chain)
    {
        var found = false;
        foreach (var from in JumpSources())
        {
            while (Succeeds("-C", from, "-j", chain))
            {
                Require("-D", from, "-j", chain);
                found = true;
            }
        }

        if (Succeeds("-S", chain))
        {
            Require("-F", chain);
            Require("-X", chain);
            found = true;
        }

        return found;
    }

    private List<string> JumpSources() =>
        Succeeds("-S", DockerUserChain) ? [DockerUserChain, ForwardChain] : [ForwardChain];

    private bool Succeeds(params string[] arguments) => Run(arguments).ExitCode == 0;

    private void Require(params string[] arguments)
    {
        var (exitCode, error) = Run(arguments);
        if (exitCode != 0)
        {
            throw new FirewallException(
                $"failed to run {executable} {string.Join(' ', arguments)}: "
                + $"exit {exitCode}: {error.Trim()}");
        }
    }

    private (int ExitCode, string Error) Run(string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-w");
        start.ArgumentList.Add("10");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new FirewallException($"{executable} did not start");
        }
        catch (Win32Exception)
        {
            throw new FirewallException(
                $"{executable} was not found; install the iptables package so that overlay traffic "
                + "passes the FORWARD chain (Docker's FORWARD DROP policy would block it)");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(CommandTimeout))
            {
                process.Kill();
                process.WaitForExit();
                throw new FirewallException(
                    $"{executable} {string.Join(' ', arguments)} did not finish "
                    + $"within {CommandTimeout.TotalSeconds} s");
            }

            output.Wait();
            return (process.ExitCode, error.Result);
        }
    }
}
