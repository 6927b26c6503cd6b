using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Routing;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Routing;

public sealed class RouteDiffTests
{
    // Routes are written "prefix dev INDEX [via GATEWAY] [src SOURCE] [metric M]" for short tables.
    public static TheoryData<string, string[], string[], string[], string[]> Cases => new()
    {
        {
            "nothing desired and nothing there",
            [], [], [], []
        },
        {
            "a desired route that is missing is added",
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], [],
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], []
        },
        {
            "a desired route that is there as desired is left alone",
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], ["10.10.0.0/16 dev 5 src 10.10.3.0"],
            [], []
        },
        {
            "a route on the old device is replaced",
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], ["10.10.0.0/16 dev 4 src 10.10.3.0"],
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], []
        },
        {
            "a route with another source is replaced",
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], ["10.10.0.0/16 dev 5 src 10.10.9.0"],
            ["10.10.0.0/16 dev 5 src 10.10.3.0"], []
        },
        {
            "a route of ours that is no longer desired is removed",
            ["10.10.0.0/16 dev 5"], ["10.10.0.0/16 dev 5", "10.20.0.0/16 dev 5"],
            [], ["10.20.0.0/16 dev 5"]
        },
        {
            "a changed overlay cidr adds the new route and removes the old",
            ["10.30.0.0/16 dev 5"], ["10.10.0.0/16 dev 5"],
            ["10.30.0.0/16 dev 5"], ["10.10.0.0/16 dev 5"]
        },
        {
            "the same prefix with another metric is another route",
            ["10.10.0.0/16 dev 5"], ["10.10.0.0/16 dev 5 metric 100"],
            ["10.10.0.0/16 dev 5"], ["10.10.0.0/16 dev 5 metric 100"]
        },
        {
            "a gateway route that gained a gateway is replaced",
            ["10.10.0.0/16 dev 5 via 192.0.2.1"], ["10.10.0.0/16 dev 5"],
            ["10.10.0.0/16 dev 5 via 192.0.2.1"], []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_plan_replaces_what_differs_and_removes_what_is_not_desired(
        string situation,
        string[] desired,
        string[] actual,
        string[] expectedReplace,
        string[] expectedRemove)
    {
        var plan = RouteDiff.Compute(desired.Select(Parse), actual.Select(Parse));

        Assert.True(
            expectedReplace.Select(Parse).SequenceEqual(plan.Replace.Select(r => r.Desired)),
            $"{situation}: replace was [{string.Join(", ", plan.Replace)}]");
        Assert.True(
            expectedRemove.Select(Parse).SequenceEqual(plan.Remove),
            $"{situation}: remove was [{string.Join(", ", plan.Remove)}]");
        Assert.Equal(expectedReplace.Length == 0 && expectedRemove.Length == 0, plan.IsEmpty);
    }

    [Fact]
    public void A_replacement_remembers_the_route_it_replaces_so_it_can_be_undone()
    {
        var old = Parse("10.10.0.0/16 dev 4");

        var plan = RouteDiff.Compute([Parse("10.10.0.0/16 dev 5")], [old]);

        Assert.Equal(old, Assert.Single(plan.Replace).Previous);
    }

    [Fact]
    public void A_second_copy_of_the_same_kernel_route_is_removed()
    {
        var route = Parse("10.10.0.0/16 dev 5");
        var copy = Parse("10.10.0.0/16 dev 6");

        var plan = RouteDiff.Compute([route], [route, copy]);

        Assert.Empty(plan.Replace);
        Assert.Equal([copy], plan.Remove);
    }

    [Fact]
    public void Two_desired_routes_for_the_same_kernel_route_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(
            () => RouteDiff.Compute([Parse("10.10.0.0/16 dev 5"), Parse("10.10.0.0/16 dev 6")], []));

        Assert.Contains("share destination, table and metric", error.Message);
    }

    private static Ipv4Route Parse(string text)
    {
        var words = text.Split(' ');
        var route = new Ipv4Route(Ipv4Prefix.Parse(words[0]), null, 0);
        for (var i = 1; i < words.Length; i += 2)
        {
            route = words[i] switch
            {
                "dev" => route with { LinkIndex = int.Parse(words[i + 1]) },
                "via" => route with { Gateway = IPAddress.Parse(words[i + 1]) },
                "src" => route with { PreferredSource = IPAddress.Parse(words[i + 1]) },
                "metric" => route with { Metric = uint.Parse(words[i + 1]) },
                _ => throw new FormatException(text),
            };
        }

        return route;
    }
}
