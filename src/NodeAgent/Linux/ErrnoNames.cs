using System.Collections.Frozen;
using Tmds.Linux;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>Symbolic names for the errno values this agent is likely to meet.</summary>
public static class ErrnoNames
{
    private static readonly FrozenDictionary<int, string> Names = Build();

    /// <summary>The symbolic name of an errno value, or "errno N" for one not in the table.</summary>
    public static string Of(int errno) =>
        Names.TryGetValue(errno, out var name) ? name : $"errno {errno}";

    private static FrozenDictionary<int, string> Build()
    {
        var names = new Dictionary<int, string>();
        void Add(int value, string name) => names.TryAdd(value, name);

        Add(LibC.EPERM, "EPERM");
        Add(LibC.ENOENT, "ENOENT");
        Add(LibC.ESRCH, "ESRCH");
        Add(LibC.EINTR, "EINTR");
        Add(LibC.EIO, "EIO");
        Add(LibC.ENXIO, "ENXIO");
        Add(LibC.EBADF, "EBADF");
        Add(LibC.EAGAIN, "EAGAIN");
        Add(LibC.ENOMEM, "ENOMEM");
        Add(LibC.EACCES, "EACCES");
        Add(LibC.EFAULT, "EFAULT");
        Add(LibC.EBUSY, "EBUSY");
        Add(LibC.EEXIST, "EEXIST");
        Add(LibC.ENODEV, "ENODEV");
        Add(LibC.ENOTDIR, "ENOTDIR");
        Add(LibC.EISDIR, "EISDIR");
        Add(LibC.EINVAL, "EINVAL");
        Add(LibC.ENFILE, "ENFILE");
        Add(LibC.EMFILE, "EMFILE");
        Add(LibC.ENOTTY, "ENOTTY");
        Add(LibC.ENOSPC, "ENOSPC");
        Add(LibC.EROFS, "EROFS");
        Add(LibC.ERANGE, "ERANGE");
        Add(LibC.ENOSYS, "ENOSYS");
        Add(LibC.ENOTEMPTY, "ENOTEMPTY");
        Add(LibC.ENODATA, "ENODATA");
        Add(LibC.EPROTO, "EPROTO");
        Add(LibC.EOVERFLOW, "EOVERFLOW");
        Add(LibC.EMSGSIZE, "EMSGSIZE");
        Add(LibC.ENOPROTOOPT, "ENOPROTOOPT");
        Add(LibC.EPROTONOSUPPORT, "EPROTONOSUPPORT");
        Add(LibC.EOPNOTSUPP, "EOPNOTSUPP");
        Add(LibC.EAFNOSUPPORT, "EAFNOSUPPORT");
        Add(LibC.EADDRINUSE, "EADDRINUSE");
        Add(LibC.EADDRNOTAVAIL, "EADDRNOTAVAIL");
        Add(LibC.ENETDOWN, "ENETDOWN");
        Add(LibC.ENETUNREACH, "ENETUNREACH");
        Add(LibC.ENOBUFS, "ENOBUFS");
        Add(LibC.ETIMEDOUT, "ETIMEDOUT");
        Add(LibC.ECONNREFUSED, "ECONNREFUSED");
        Add(LibC.EHOSTUNREACH, "EHOSTUNREACH");
        return names.ToFrozenDictionary();
    }
}
