using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>
/// Compares desired routes with the agent's routes the kernel has. Routes are the same kernel
/// route when destination, table and metric agree; such a route that differs in anything else is
/// replaced, a desired route with no such route is added (a replace with nothing before it), and
/// an actual route no desired route claims is removed.
/// </summary>
public static class RouteDiff
{
    public static RoutePlan Compute(IEnumerable<Ipv4Route> desired, IEnumerable<Ipv4Route> actual)
    {
        var actualByKey = new Dictionary<(Ipv4Prefix, uint, uint), Ipv4Route>();
        var duplicates = new List<Ipv4Route>();
        foreach (var route in actual)
        {
            if (!actualByKey.TryAdd(KeyOf(route), route))
            {
                duplicates.Add(route);
            }
        }

        var replace = new List<RouteReplacement>();
        var claimed = new HashSet<(Ipv4Prefix, uint, uint)>();
        foreach (var route in desired)
        {
            var key = KeyOf(route);
            if (!claimed.Add(key))
            {
                throw new ArgumentException(
                    $"two desired routes share destination, table and metric: {route}");
            }

            actualByKey.TryGetValue(key, out var previous);
            if (previous != route)
            {
                replace.Add(new RouteReplacement(route, previous));
            }
        }

        var remove = actualByKey.Values
            .Where(route => !claimed.Contains(KeyOf(route)))
            .Concat(duplicates)
            .OrderBy(route => route.Destination.Network)
            .ThenBy(route => route.Destination.Length)
            .ToList();
        return new RoutePlan(replace, remove);
    }

    private static (Ipv4Prefix, uint, uint) KeyOf(Ipv4Route route) =>
        (route.Destination, route.Table, route.Metric);
}
