namespace CupsAndString.NodeAgent.Agent;

/// <summary>One peer in the agent's status: its number, subnet and UDP endpoint.</summary>
public sealed record AgentStatusPeer(int Node, string Subnet, string Endpoint);
