using System.Net;
using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>One node of the overlay as the forwarder sees it: its subnet and its UDP endpoint.</summary>
public sealed class ForwardingPeer
{
    public ForwardingPeer(int number, Ipv4Prefix subnet, uint address, int port)
    {
        Number = number;
        Subnet = subnet;
        Address = address;
        Port = port;
        EndPoint = new IPEndPoint(Ipv4Prefix.ToAddress(address), port);
        SocketAddress = EndPoint.Serialize();
    }

    public int Number { get; }

    public Ipv4Prefix Subnet { get; }

    /// <summary>The underlay address in host order.</summary>
    public uint Address { get; }

    public int Port { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>The endpoint in the form Socket.SendTo takes without allocating.</summary>
    public SocketAddress SocketAddress { get; }

    public override string ToString() => $"node {Number} {Subnet} at {EndPoint}";
}
