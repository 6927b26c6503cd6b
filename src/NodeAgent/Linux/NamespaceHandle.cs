using System.Runtime.InteropServices;
using System.Text;
using Tmds.Linux;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// An open file descriptor on a network namespace, for operations that take a namespace by fd
/// (creating a veth peer inside it, moving a link into it, entering it with setns).
/// </summary>
public sealed unsafe class NamespaceHandle : SafeHandle
{
    private NamespaceHandle(int fd, string name)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        SetHandle(new IntPtr(fd));
        Name = name;
    }

    /// <summary>The namespace's name, or the path it was opened from.</summary>
    public string Name { get; }

    public int FileDescriptor => (int)handle;

    public override bool IsInvalid => handle == new IntPtr(-1);

    /// <summary>Opens the named namespace /run/netns/NAME.</summary>
    public static NamespaceHandle Open(string namespaceName) =>
        OpenPath(NetworkNamespace.PathOf(namespaceName), namespaceName);

    /// <summary>Opens the network namespace the calling thread is in now.</summary>
    public static NamespaceHandle OpenCurrentThread() =>
        OpenPath("/proc/thread-self/ns/net", "of the calling thread");

    private static NamespaceHandle OpenPath(string path, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        int fd;
        fixed (byte* pathname = bytes)
        {
            fd = LibC.open(pathname, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        }

        if (fd < 0)
        {
            throw new KernelCallException($"open network namespace {name} ({path})", LibC.errno);
        }

        return new NamespaceHandle(fd, name);
    }

    protected override bool ReleaseHandle() => LibC.close((int)handle) == 0;
}
