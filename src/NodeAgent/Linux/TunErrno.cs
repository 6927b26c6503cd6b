using System.Globalization;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>Symbolic names for the errno values a TUN device or its ioctls can return.</summary>
internal static class TunErrno
{
    private static readonly Dictionary<int, string> Known = new()
    {
        [1] = "EPERM",
        [2] = "ENOENT",
        [4] = "EINTR",
        [5] = "EIO",
        [6] = "ENXIO",
        [9] = "EBADF",
        [11] = "EAGAIN",
        [12] = "ENOMEM",
        [13] = "EACCES",
        [14] = "EFAULT",
        [16] = "EBUSY",
        [17] = "EEXIST",
        [19] = "ENODEV",
        [22] = "EINVAL",
        [23] = "ENFILE",
        [24] = "EMFILE",
        [25] = "ENOTTY",
        [28] = "ENOSPC",
        [90] = "EMSGSIZE",
        [95] = "EOPNOTSUPP",
        [100] = "ENETDOWN",
        [105] = "ENOBUFS",
    };

    public static string Name(int errno) =>
        Known.TryGetValue(errno, out var name)
            ? name
            : "errno " + errno.ToString(CultureInfo.InvariantCulture);
}
