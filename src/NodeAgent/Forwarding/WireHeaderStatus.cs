namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>The outcome of reading a wire header; anything but Valid drops the datagram.</summary>
public enum WireHeaderStatus
{
    Valid,
    Truncated,
    UnsupportedVersion,
    UnknownType,
    UnknownFlags,
    ReservedNotZero,
}
