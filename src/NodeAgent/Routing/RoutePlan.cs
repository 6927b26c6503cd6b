using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>The route changes that turn the actual routes into the desired ones.</summary>
public sealed record RoutePlan(IReadOnlyList<RouteReplacement> Replace, IReadOnlyList<Ipv4Route> Remove)
{
    public bool IsEmpty => Replace.Count == 0 && Remove.Count == 0;
}
