using CupsAndString.NodeAgent.Linux;
using Xunit;

namespace CupsAndString.Lab.Tests.Kernel;

public sealed class SysctlAndFirewallNamespaceTests : IDisposable
{
    private readonly ScratchNamespaces namespaces = new();

    public void Dispose() => namespaces.Dispose();

    [RootFact]
    public void A_sysctl_written_inside_a_namespace_changes_that_namespace_only()
    {
        var host = namespaces.Create("s");
        var rootBefore = Sysctl.IpForward.Read();

        var before = NetworkNamespace.Run(host, () => Sysctl.IpForward.Read());
        NetworkNamespace.Run(host, () => Sysctl.IpForward.Write("1"));
        var after = NetworkNamespace.Run(host, () => Sysctl.IpForward.Read());

        Assert.Equal("0", before);
        Assert.Equal("1", after);
        Assert.Equal(rootBefore, Sysctl.IpForward.Read());
    }

    [RootFact]
    public void Applying_the_firewall_twice_adds_each_rule_once_and_removing_it_leaves_nothing()
    {
        var host = namespaces.Create("f");
        var firewall = new IptablesFirewall();
        var chain = IptablesFirewall.ChainFor("cas-test");

        var first = NetworkNamespace.Run(host, () => firewall.Ensure(chain, "cas-test"));
        var second = NetworkNamespace.Run(host, () => firewall.Ensure(chain, "cas-test"));
        var rules = RulesIn(host);

        Assert.Equal(4, first.Count);
        Assert.Empty(second);
        Assert.True(NetworkNamespace.Run(host, () => firewall.IsInstalled(chain, "cas-test")));
        Assert.Single(rules, r => r == $"-A FORWARD -j {chain}");
        Assert.Single(rules, r => r == $"-A {chain} -i cas-test -j ACCEPT");
        Assert.Single(rules, r => r == $"-A {chain} -o cas-test -j ACCEPT");
        Assert.DoesNotContain(chain, RootRules());

        Assert.True(NetworkNamespace.Run(host, () => firewall.Remove(chain)));
        Assert.DoesNotContain(RulesIn(host), r => r.Contains(chain, StringComparison.Ordinal));
        Assert.False(NetworkNamespace.Run(host, () => firewall.Remove(chain)));
    }

    [RootFact]
    public void The_jump_is_restored_when_someone_deleted_it_and_nothing_else_is_added()
    {
        var host = namespaces.Create("j");
        var firewall = new IptablesFirewall();
        var chain = IptablesFirewall.ChainFor("cas-test");
        NetworkNamespace.Run(host, () => firewall.Ensure(chain, "cas-test"));
        NamespaceCommand.Run(host, "iptables", "-D", "FORWARD", "-j", chain);

        var added = NetworkNamespace.Run(host, () => firewall.Ensure(chain, "cas-test"));

        Assert.Equal([$"jump FORWARD -> {chain}"], added);
    }

    [RootFact]
    public void When_dockers_user_chain_exists_it_must_jump_to_our_chain_too_and_removal_clears_both_jumps()
    {
        var host = namespaces.Create("u");
        var firewall = new IptablesFirewall();
        var chain = IptablesFirewall.ChainFor("cas-test");
        NamespaceCommand.Run(host, "iptables", "-N", "DOCKER-USER");

        NetworkNamespace.Run(host, () => firewall.Ensure(chain, "cas-test"));
        var rules = RulesIn(host);
        NamespaceCommand.Run(host, "iptables", "-D", "DOCKER-USER", "-j", chain);
        var installedWithoutDockerJump =
            NetworkNamespace.Run(host, () => firewall.IsInstalled(chain, "cas-test"));
        NetworkNamespace.Run(host, () => firewall.Ensure(chain, "cas-test"));
        NetworkNamespace.Run(host, () => firewall.Remove(chain));

        Assert.Single(rules, r => r == $"-A DOCKER-USER -j {chain}");
        Assert.Single(rules, r => r == $"-A FORWARD -j {chain}");
        Assert.False(installedWithoutDockerJump);
        Assert.DoesNotContain(RulesIn(host), r => r.Contains(chain, StringComparison.Ordinal));
        Assert.Contains("-N DOCKER-USER", RulesIn(host));
    }

    [Fact]
    public void A_missing_iptables_program_is_reported_with_what_to_install()
    {
        var firewall = new IptablesFirewall("/nonexistent/iptables");

        var error = Assert.Throws<FirewallException>(() => firewall.Ensure("CAS-x", "cas-x"));

        Assert.Contains("install the iptables package", error.Message);
    }

    private static List<string> RulesIn(string host)
    {
        var (exitCode, output) = NamespaceCommand.Run(host, "iptables", "-S");
        Assert.Equal(0, exitCode);
        return output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
    }

    private static string RootRules()
    {
        using var process = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("iptables", "-S") { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
