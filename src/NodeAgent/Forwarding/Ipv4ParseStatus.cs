namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>The outcome of parsing an inner packet's IPv4 header.</summary>
public enum Ipv4ParseStatus
{
    Valid,

    /// <summary>An empty buffer or one shorter than the header it announces.</summary>
    Truncated,

    /// <summary>Version 6: a well-formed packet this overlay does not carry yet.</summary>
    Ipv6,

    /// <summary>A version nibble that is neither 4 nor 6.</summary>
    UnknownVersion,

    /// <summary>A header length under 20 bytes.</summary>
    BadHeaderLength,

    /// <summary>A total length shorter than the header or longer than the bytes received.</summary>
    BadTotalLength,
}
