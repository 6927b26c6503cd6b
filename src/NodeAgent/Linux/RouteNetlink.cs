using System.Net;
using CupsAndString.NodeAgent.Linux.Netlink;
using Tmds.Linux;
using static CupsAndString.NodeAgent.Linux.Netlink.NetlinkConstants;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// Links, IPv4 addresses and IPv4 routes through rtnetlink. An instance talks to the network
/// namespace its socket was opened in (<see cref="Open"/>: the calling thread's;
/// <see cref="OpenInNamespace"/>: a named one), whichever thread calls it later. One caller at a
/// time: guard an instance shared between threads with a lock.
/// </summary>
public sealed class RouteNetlink : IDisposable
{
    private readonly NetlinkSocket socket;

    private RouteNetlink(NetlinkSocket socket)
    {
        this.socket = socket;
    }

    private NetlinkMessageBuilder Builder => socket.Builder;

    /// <summary>Opens rtnetlink in the calling thread's network namespace.</summary>
    public static RouteNetlink Open() => new(NetlinkSocket.Open());

    /// <summary>Opens rtnetlink in a named namespace (one under /run/netns, as `ip netns` makes).</summary>
    public static RouteNetlink OpenInNamespace(string namespaceName) =>
        NetworkNamespace.Run(namespaceName, Open);

    public void Dispose() => socket.Dispose();

    // ---- Links ----------------------------------------------------------------------------------

    /// <summary>The link with this name, or null when there is none.</summary>
    public LinkInfo? FindLink(string name)
    {
        Start(RTM_GETLINK, NLM_F_REQUEST);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        Builder.AddString(IFLA_IFNAME, name);
        try
        {
            return socket.Query($"look up link {name}", DecodeLink);
        }
        catch (KernelCallException e) when (e.Errno == LibC.ENODEV)
        {
            return null;
        }
    }

    public LinkInfo GetLink(string name) =>
        FindLink(name) ?? throw new KernelCallException($"look up link {name}", LibC.ENODEV);

    public LinkInfo GetLink(int index)
    {
        Start(RTM_GETLINK, NLM_F_REQUEST);
        RtnetlinkCodec.WriteLinkHeader(Builder, index);
        return socket.Query($"look up link #{index}", DecodeLink);
    }

    public int GetLinkIndex(string name) => GetLink(name).Index;

    public IReadOnlyList<LinkInfo> ListLinks()
    {
        Start(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        return socket.Dump("list links", DecodeLink);
    }

    /// <summary>
    /// Creates a veth pair. When <paramref name="peerNamespace"/> is given the peer end is created
    /// straight inside that namespace (it never appears in this one).
    /// </summary>
    public void CreateVethPair(string name, string peerName, NamespaceHandle? peerNamespace = null)
    {
        Start(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        Builder.AddString(IFLA_IFNAME, name);
        var linkInfo = Builder.BeginNested(IFLA_LINKINFO);
        Builder.AddString(IFLA_INFO_KIND, "veth");
        var data = Builder.BeginNested(IFLA_INFO_DATA);
        var peer = Builder.BeginNested(VETH_INFO_PEER);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        Builder.AddString(IFLA_IFNAME, peerName);
        if (peerNamespace is not null)
        {
            Builder.AddUInt32(IFLA_NET_NS_FD, (uint)peerNamespace.FileDescriptor);
        }

        Builder.EndNested(peer);
        Builder.EndNested(data);
        Builder.EndNested(linkInfo);
        socket.Execute($"create veth pair {name}/{peerName}");
    }

    public void CreateBridge(string name)
    {
        Start(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        Builder.AddString(IFLA_IFNAME, name);
        var linkInfo = Builder.BeginNested(IFLA_LINKINFO);
        Builder.AddString(IFLA_INFO_KIND, "bridge");
        Builder.EndNested(linkInfo);
        socket.Execute($"create bridge {name}");
    }

    /// <summary>Enslaves a link to a bridge, or frees it when <paramref name="master"/> is null.</summary>
    public void SetMaster(string name, string? master)
    {
        var masterIndex = master is null ? 0 : GetLinkIndex(master);
        StartLinkChange(name);
        Builder.AddUInt32(IFLA_MASTER, (uint)masterIndex);
        socket.Execute(master is null ? $"release {name} from its bridge" : $"attach {name} to {master}");
    }

    public void SetUp(string name, bool up = true)
    {
        Start(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0, up ? IFF_UP : 0, IFF_UP);
        Builder.AddString(IFLA_IFNAME, name);
        socket.Execute(up ? $"set {name} up" : $"set {name} down");
    }

    public void SetDown(string name) => SetUp(name, up: false);

    public void SetMtu(string name, int mtu)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mtu);
        StartLinkChange(name);
        Builder.AddUInt32(IFLA_MTU, (uint)mtu);
        socket.Execute($"set MTU {mtu} on {name}");
    }

    /// <summary>Moves a link into another network namespace (it disappears from this one).</summary>
    public void MoveToNamespace(string name, NamespaceHandle target)
    {
        StartLinkChange(name);
        Builder.AddUInt32(IFLA_NET_NS_FD, (uint)target.FileDescriptor);
        socket.Execute($"move {name} to namespace {target.Name}");
    }

    /// <summary>Deletes a link (for a veth, both ends go).</summary>
    public void DeleteLink(string name)
    {
        Start(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        Builder.AddString(IFLA_IFNAME, name);
        socket.Execute($"delete link {name}");
    }

    // ---- Addresses ------------------------------------------------------------------------------

    public void AddAddress(string link, IPAddress address, int prefixLength)
    {
        var entry = new InterfaceAddress(GetLinkIndex(link), address, prefixLength);
        Start(RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        RtnetlinkCodec.WriteAddress(Builder, entry);
        socket.Execute($"add address {entry} to {link}");
    }

    public void DeleteAddress(string link, IPAddress address, int prefixLength)
    {
        var entry = new InterfaceAddress(GetLinkIndex(link), address, prefixLength);
        Start(RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK);
        RtnetlinkCodec.WriteAddress(Builder, entry);
        socket.Execute($"delete address {entry} from {link}");
    }

    /// <summary>The IPv4 addresses of one link, or of every link when it is null.</summary>
    public IReadOnlyList<InterfaceAddress> ListAddresses(string? link = null)
    {
        var index = link is null ? 0 : GetLinkIndex(link);
        Start(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP);
        Builder.Append(IfAddrMsgSize)[0] = AF_INET;
        var all = socket.Dump(link is null ? "list addresses" : $"list addresses of {link}", DecodeAddress);
        return index == 0 ? all : all.Where(a => a.LinkIndex == index).ToList();
    }

    /// <summary>The link that holds this IPv4 address, or null when no link has it.</summary>
    public LinkInfo? FindLinkWithAddress(IPAddress address)
    {
        var holder = ListAddresses().FirstOrDefault(entry => entry.Address.Equals(address));
        return holder is null ? null : GetLink(holder.LinkIndex);
    }

    // ---- Routes ---------------------------------------------------------------------------------

    /// <summary>Adds a route; fails with EEXIST when the same route is already there.</summary>
    public void AddRoute(Ipv4Route route)
    {
        Start(RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL);
        RtnetlinkCodec.WriteRoute(Builder, route, forDelete: false);
        socket.Execute($"add route {route}");
    }

    /// <summary>Adds a route, or replaces the one with the same destination, table and metric.</summary>
    public void ReplaceRoute(Ipv4Route route)
    {
        Start(RTM_NEWROUTE, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_REPLACE);
        RtnetlinkCodec.WriteRoute(Builder, route, forDelete: false);
        socket.Execute($"replace route {route}");
    }

    /// <summary>
    /// Deletes a route. Only a route installed with the same protocol matches, so the agent can
    /// never delete a route someone else installed for the same prefix.
    /// </summary>
    public void DeleteRoute(Ipv4Route route)
    {
        Start(RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK);
        RtnetlinkCodec.WriteRoute(Builder, route, forDelete: true);
        socket.Execute($"delete route {route}");
    }

    /// <summary>
    /// The IPv4 unicast routes of one table, optionally only those of one protocol.
    /// NOTE: the kernel is asked for every IPv4 route and the filtering happens here, so on a host
    /// that carries a full Internet table each call reads that whole table.
    /// </summary>
    public IReadOnlyList<Ipv4Route> ListRoutes(uint table = RouteProtocols.MainTable, byte? protocol = null)
    {
        Start(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP);
        Builder.Append(RtMsgSize)[0] = AF_INET;
        var all = socket.Dump("list routes", DecodeRoute);
        return all
            .Where(r => r.Table == table && (protocol is null || r.Protocol == protocol))
            .ToList();
    }

    /// <summary>Asks the kernel which device and next hop it would use to reach an address.</summary>
    public RouteLookup LookupRoute(IPAddress destination)
    {
        Start(RTM_GETROUTE, NLM_F_REQUEST);
        RtnetlinkCodec.WriteRouteLookup(Builder, destination);
        return socket.Query(
            $"look up the route to {destination}",
            (in NetlinkHeader header, ReadOnlySpan<byte> payload) =>
                header.Type == RTM_NEWROUTE ? RtnetlinkCodec.DecodeRouteLookup(payload, destination) : null);
    }

    /// <summary>
    /// The MTU of the path the kernel uses to reach an address: the output device's MTU, or the
    /// route's own MTU when that is smaller.
    /// </summary>
    public int GetEgressMtu(IPAddress destination)
    {
        var lookup = LookupRoute(destination);
        var linkMtu = GetLink(lookup.LinkIndex).Mtu;
        return lookup.RouteMtu is { } routeMtu && routeMtu > 0 ? Math.Min(routeMtu, linkMtu) : linkMtu;
    }

    private static LinkInfo? DecodeLink(in NetlinkHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == RTM_NEWLINK ? RtnetlinkCodec.DecodeLink(payload) : null;

    private static InterfaceAddress? DecodeAddress(in NetlinkHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == RTM_NEWADDR ? RtnetlinkCodec.DecodeAddress(payload) : null;

    private static Ipv4Route? DecodeRoute(in NetlinkHeader header, ReadOnlySpan<byte> payload) =>
        header.Type == RTM_NEWROUTE ? RtnetlinkCodec.DecodeRoute(payload) : null;

    private void Start(ushort type, ushort flags) => Builder.Start(type, flags, socket.NextSequence());

    private void StartLinkChange(string name)
    {
        Start(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
        RtnetlinkCodec.WriteLinkHeader(Builder, 0);
        Builder.AddString(IFLA_IFNAME, name);
    }
}
