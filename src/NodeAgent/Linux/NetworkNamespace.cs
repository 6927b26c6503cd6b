using System.Runtime.ExceptionServices;
using System.Text;
using Tmds.Linux;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// Named network namespaces as `ip netns` keeps them: a bind mount of a namespace file on
/// /run/netns/NAME. Code runs inside one on a dedicated thread that enters it with setns and ends
/// afterwards, so no pooled thread is ever left in a foreign namespace.
/// </summary>
public static unsafe class NetworkNamespace
{
    /// <summary>The folder `ip netns` keeps its namespaces in.</summary>
    public const string Directory = "/run/netns";

    private static readonly Lock RunDirectoryGate = new();
    private static bool runDirectoryShared;

    public static string PathOf(string name)
    {
        ValidateName(name);
        return Path.Combine(Directory, name);
    }

    public static bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>The names of every namespace under /run/netns.</summary>
    public static IReadOnlyList<string> List() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.GetFiles(Directory)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order()
                .ToList()
            : [];

    /// <summary>
    /// Creates a new, empty network namespace under /run/netns/NAME (only loopback, down).
    /// Fails with EEXIST when the name is taken.
    /// </summary>
    public static void Create(string name)
    {
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(Directory);
        EnsureRunDirectoryShared();
        try
        {
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new KernelCallException($"create network namespace {name}", LibC.EEXIST);
        }

        try
        {
            RunOnOwnThread($"netns create {name}", () =>
            {
                if (LibC.unshare(LibC.CLONE_NEWNET) != 0)
                {
                    throw new KernelCallException($"create network namespace {name} (unshare)", LibC.errno);
                }

                BindMount("/proc/thread-self/ns/net", path, name);
                return 0;
            });
        }
        catch
        {
            Unlink(path);
            throw;
        }
    }

    /// <summary>
    /// Deletes a named namespace (unmounts and removes /run/netns/NAME). The namespace itself goes
    /// when nothing else holds it. Returns false when there was no such name.
    /// </summary>
    public static bool Delete(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* target = bytes)
        {
            if (LibC.umount2(target, LibC.MNT_DETACH) != 0)
            {
                var errno = LibC.errno;
                if (errno != LibC.EINVAL && errno != LibC.ENOENT)
                {
                    throw new KernelCallException($"delete network namespace {name} (umount)", errno);
                }
            }
        }

        Unlink(path);
        return true;
    }

    /// <summary>Runs a function on a dedicated thread inside the named namespace.</summary>
    public static T Run<T>(string name, Func<T> action)
    {
        using var handle = NamespaceHandle.Open(name);
        return Run(handle, action);
    }

    public static void Run(string name, Action action) =>
        Run(name, () =>
        {
            action();
            return 0;
        });

    /// <summary>Runs a function on a dedicated thread inside the namespace the handle refers to.</summary>
    public static T Run<T>(NamespaceHandle target, Func<T> action) =>
        RunOnOwnThread($"netns {target.Name}", () =>
        {
            if (LibC.setns(target.FileDescriptor, LibC.CLONE_NEWNET) != 0)
            {
                throw new KernelCallException($"enter network namespace {target.Name}", LibC.errno);
            }

            return action();
        });

    private static T RunOnOwnThread<T>(string threadName, Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = threadName,
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>
    /// Makes /run/netns a mount point with shared propagation, as `ip netns add` does, so that a
    /// namespace unmounted here is unmounted in every mount namespace too. The bind is recursive,
    /// so namespaces mounted there before keep working.
    /// NOTE: the guard is per process; two processes creating the very first namespace of a boot at
    /// the same instant may stack one extra bind mount on /run/netns, which is harmless.
    /// </summary>
    private static void EnsureRunDirectoryShared()
    {
        lock (RunDirectoryGate)
        {
            if (runDirectoryShared)
            {
                return;
            }

            var directory = Encoding.UTF8.GetBytes(Directory + "\0");
            var none = "none\0"u8.ToArray();
            var empty = "\0"u8.ToArray();
            var bound = false;
            var sharedFlags = (ulong_t)((ulong)LibC.MS_SHARED | (ulong)LibC.MS_REC);
            var bindFlags = (ulong_t)((ulong)LibC.MS_BIND | (ulong)LibC.MS_REC);
            fixed (byte* target = directory)
            fixed (byte* type = none)
            fixed (byte* nothing = empty)
            {
                while (LibC.mount(nothing, target, type, sharedFlags, null) != 0)
                {
                    var errno = LibC.errno;
                    if (errno != LibC.EINVAL || bound)
                    {
                        throw new KernelCallException($"make {Directory} a shared mount", errno);
                    }

                    if (LibC.mount(target, target, type, bindFlags, null) != 0)
                    {
                        throw new KernelCallException($"make {Directory} a mount point", LibC.errno);
                    }

                    bound = true;
                }
            }

            runDirectoryShared = true;
        }
    }

    private static void BindMount(string source, string target, string name)
    {
        var sourceBytes = Encoding.UTF8.GetBytes(source + "\0");
        var targetBytes = Encoding.UTF8.GetBytes(target + "\0");
        var typeBytes = "none\0"u8.ToArray();
        fixed (byte* s = sourceBytes)
        fixed (byte* t = targetBytes)
        fixed (byte* type = typeBytes)
        {
            if (LibC.mount(s, t, type, LibC.MS_BIND, null) != 0)
            {
                throw new KernelCallException($"create network namespace {name} (bind mount)", LibC.errno);
            }
        }
    }

    private static void Unlink(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pathname = bytes)
        {
            if (LibC.unlink(pathname) != 0 && LibC.errno != LibC.ENOENT)
            {
                throw new KernelCallException($"remove {path}", LibC.errno);
            }
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('/') || name is "." or ".." || name.Contains('\0'))
        {
            throw new ArgumentException($"'{name}' is not a usable network namespace name", nameof(name));
        }
    }
}
