using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.NodeAgent.Routing;

/// <summary>A route to install, and the route it replaces (null when there was none).</summary>
public sealed record RouteReplacement(Ipv4Route Desired, Ipv4Route? Previous);
