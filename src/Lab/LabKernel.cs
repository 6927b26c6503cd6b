using System.Net;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;

namespace CupsAndString.Lab;

/// <summary>
/// The lab's door to the agent's netlink module: every link, address, route and namespace
/// operation the lab needs, each addressed by namespace name (null for the root namespace).
/// It keeps one netlink socket per namespace until disposed. A refused call becomes a
/// <see cref="LabException"/> carrying the kernel's message and the namespace it happened in.
/// </summary>
internal sealed class LabKernel : IDisposable
{
    private static readonly Ipv4Prefix Everywhere = Ipv4Prefix.Parse("0.0.0.0/0");

    private readonly Dictionary<string, RouteNetlink> _sockets = new(StringComparer.Ordinal);

    public static void CreateNamespace(string name) =>
        Guard(null, () => NetworkNamespace.Create(name));

    /// <summary>Deletes a namespace name; false when there was none.</summary>
    public static bool DeleteNamespace(string name) =>
        Guard(null, () => NetworkNamespace.Delete(name));

    /// <summary>
    /// Runs a function on a thread inside a namespace; sockets it opens stay in that namespace.
    /// </summary>
    public static T RunInNamespace<T>(string @namespace, Func<T> action) =>
        Guard(@namespace, () => NetworkNamespace.Run(@namespace, action));

    /// <summary>
    /// Writes a sysctl under /proc/sys (e.g. "net/ipv4/ip_forward") as seen inside the namespace.
    /// </summary>
    public static void WriteSysctl(string @namespace, string key, string value) =>
        RunInNamespace(@namespace, () =>
        {
            File.WriteAllText(Path.Combine("/proc/sys", key), value);
            return 0;
        });

    /// <summary>Creates a veth pair with one end in each namespace (null: the root namespace).</summary>
    public void CreateVethPair(string? @namespace, string name, string? peerNamespace, string peerName) =>
        Guard(@namespace, () =>
        {
            using var peer = peerNamespace is null
                ? NamespaceHandle.OpenCurrentThread()
                : NamespaceHandle.Open(peerNamespace);
            Socket(@namespace).CreateVethPair(name, peerName, peer);
        });

    public void CreateBridge(string? @namespace, string name) =>
        Guard(@namespace, () => Socket(@namespace).CreateBridge(name));

    public void SetMaster(string? @namespace, string link, string bridge) =>
        Guard(@namespace, () => Socket(@namespace).SetMaster(link, bridge));

    public void SetUp(string? @namespace, string link) =>
        Guard(@namespace, () => Socket(@namespace).SetUp(link));

    public void AddAddress(string? @namespace, string link, IPAddress address, int prefixLength) =>
        Guard(@namespace, () => Socket(@namespace).AddAddress(link, address, prefixLength));

    /// <summary>
    /// Adds a default route through a gateway, marked as added by hand (like ip route add).
    /// </summary>
    public void AddDefaultRoute(string? @namespace, IPAddress gateway) =>
        Guard(@namespace, () => Socket(@namespace).AddRoute(
            new Ipv4Route(Everywhere, gateway, 0, RouteProtocols.Boot)));

    /// <summary>Deletes a link (both ends of a veth); false when it was already gone.</summary>
    public bool DeleteLink(string? @namespace, string link) =>
        Guard(@namespace, () =>
        {
            var socket = Socket(@namespace);
            if (socket.FindLink(link) is null)
            {
                return false;
            }

            socket.DeleteLink(link);
            return true;
        });

    /// <summary>The names of every link in a namespace.</summary>
    public IReadOnlyList<string> ListLinks(string? @namespace) =>
        Guard(@namespace, () => Socket(@namespace).ListLinks().Select(l => l.Name).ToList());

    /// <summary>
    /// The device the namespace would send a packet for the address out of, or null when it has no route.
    /// </summary>
    public string? RouteDevice(string? @namespace, IPAddress destination) =>
        Guard(@namespace, () =>
        {
            var socket = Socket(@namespace);
            try
            {
                return socket.GetLink(socket.LookupRoute(destination).LinkIndex).Name;
            }
            catch (KernelCallException)
            {
                return null;
            }
        });

    public void Dispose()
    {
        foreach (var socket in _sockets.Values)
        {
            socket.Dispose();
        }

        _sockets.Clear();
    }

    private RouteNetlink Socket(string? @namespace)
    {
        var key = @namespace ?? string.Empty;
        if (!_sockets.TryGetValue(key, out var socket))
        {
            socket = @namespace is null ? RouteNetlink.Open() : RouteNetlink.OpenInNamespace(@namespace);
            _sockets[key] = socket;
        }

        return socket;
    }

    private static void Guard(string? @namespace, Action action) =>
        Guard(@namespace, () =>
        {
            action();
            return 0;
        });

    private static T Guard<T>(string? @namespace, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (KernelCallException e)
        {
            var where = @namespace is null ? "the root namespace" : $"namespace {@namespace}";
            throw new LabException($"{e.Message} (in {where})", e);
        }
    }
}
