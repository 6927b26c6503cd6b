namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>Why the forwarder dropped a packet or datagram. Each has its own counter.</summary>
public enum DropReason
{
    /// <summary>TUN side: the destination is in no peer's subnet.</summary>
    UnknownDestination,

    /// <summary>UDP side: the datagram came from an address and port that is no peer's endpoint.</summary>
    UnknownSender,

    /// <summary>UDP side: the inner source is outside the sending peer's subnet.</summary>
    SpoofedSource,

    /// <summary>UDP side: the inner destination is outside this node's subnet.</summary>
    WrongDestination,

    /// <summary>A header (ours or IPv4) that does not parse.</summary>
    Malformed,

    /// <summary>A packet that is not IPv4 (IPv6 is not carried yet).</summary>
    NotIpv4,

    /// <summary>UDP side: the header names another overlay.</summary>
    WrongOverlay,

    /// <summary>TUN side: larger than the overlay MTU with DF set (answered with ICMP frag-needed).</summary>
    TooBig,

    /// <summary>The kernel refused to send the datagram or take the packet (full queue, no route).</summary>
    DeviceError,
}
