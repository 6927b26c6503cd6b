namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// A system call or netlink request that the kernel refused. The message names what was attempted,
/// on which object, and the errno name, e.g. "failed to set MTU 1464 on cas-web: EPERM".
/// </summary>
public sealed class KernelCallException : Exception
{
    public KernelCallException(string action, int errno, string? detail = null)
        : base(Compose(action, errno, detail))
    {
        Action = action;
        Errno = errno;
        ErrnoName = ErrnoNames.Of(errno);
    }

    /// <summary>What was attempted, e.g. "set MTU 1464 on cas-web".</summary>
    public string Action { get; }

    /// <summary>The positive errno value the kernel returned.</summary>
    public int Errno { get; }

    /// <summary>The symbolic errno name, e.g. "EPERM".</summary>
    public string ErrnoName { get; }

    private static string Compose(string action, int errno, string? detail) =>
        string.IsNullOrEmpty(detail)
            ? $"failed to {action}: {ErrnoNames.Of(errno)}"
            : $"failed to {action}: {ErrnoNames.Of(errno)} ({detail})";
}
