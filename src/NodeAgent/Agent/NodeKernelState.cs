using System.Net;
using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// What the agent wants the kernel to hold for one overlay on this node: the TUN up with its MTU
/// and address, the overlay CIDR routed into it, and the node's subnet left to Docker's bridge.
/// </summary>
/// <param name="Table">The peer table this state was derived from.</param>
/// <param name="LocalNode">This node's entry in that table.</param>
public sealed record NodeKernelState(
    PeerTable Table,
    PeerNode LocalNode,
    string Overlay,
    string TunName,
    int Mtu,
    Ipv4Prefix OverlayCidr,
    Ipv4Prefix LocalSubnet,
    IPAddress TunAddress,
    IPEndPoint LocalEndPoint);
