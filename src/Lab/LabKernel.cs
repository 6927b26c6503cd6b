using System.Net;

namespace CupsAndString.Lab;

/// <summary>
/// The lab's door to the agent's netlink module: every link, address, route and namespace
/// operation the lab needs, each addressed by namespace name (null for the root namespace).
/// </summary>
internal static class LabKernel
{
    public static void CreateNamespace(string name) => throw Pending();

    public static void DeleteNamespace(string name) => throw Pending();

    public static T RunInNamespace<T>(string? @namespace, Func<T> action) => throw Pending();

    public static void CreateVethPair(string? @namespace, string name, string? peerNamespace, string peerName) =>
        throw Pending();

    public static void CreateBridge(string? @namespace, string name) => throw Pending();

    public static void SetMaster(string? @namespace, string link, string bridge) => throw Pending();

    public static void SetUp(string? @namespace, string link) => throw Pending();

    public static void AddAddress(string? @namespace, string link, IPAddress address, int prefixLength) =>
        throw Pending();

    public static void AddDefaultRoute(string? @namespace, IPAddress gateway) => throw Pending();

    public static void DeleteLink(string? @namespace, string link) => throw Pending();

    public static string? RouteDevice(string? @namespace, IPAddress destination) => throw Pending();

    public static void WriteSysctl(string? @namespace, string key, string value) => throw Pending();

    private static NotSupportedException Pending() => new("the netlink module is not merged yet");
}
