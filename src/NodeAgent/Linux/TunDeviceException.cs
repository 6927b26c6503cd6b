namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// A failed system call on a TUN device. The message says what was attempted, on which device,
/// and the errno name, e.g. "failed to attach cas-web to /dev/net/tun: EPERM".
/// </summary>
public sealed class TunDeviceException : IOException
{
    public TunDeviceException(string action, string device, int errno)
        : base($"failed to {action} {device}: {ErrnoNames.Of(errno)}")
    {
        Errno = errno;
        ErrnoName = ErrnoNames.Of(errno);
    }

    /// <summary>The raw errno value.</summary>
    public int Errno { get; }

    /// <summary>The symbolic errno name, e.g. EPERM.</summary>
    public string ErrnoName { get; }
}
