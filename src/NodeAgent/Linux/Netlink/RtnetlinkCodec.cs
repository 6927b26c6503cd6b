using System.Net;
using System.Runtime.InteropServices;
using CupsAndString.Contracts;
using static CupsAndString.NodeAgent.Linux.Netlink.NetlinkConstants;

namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>
/// Encodes rtnetlink requests and decodes the kernel's link, address and route messages. Pure:
/// no sockets, so every format has a write-then-read test.
/// </summary>
internal static class RtnetlinkCodec
{
    // Offsets inside struct ifinfomsg.
    private const int IfInfoType = 2;
    private const int IfInfoIndex = 4;
    private const int IfInfoFlags = 8;
    private const int IfInfoChange = 12;

    // Offsets inside struct ifaddrmsg.
    private const int IfAddrPrefixLength = 1;
    private const int IfAddrScope = 3;
    private const int IfAddrIndex = 4;

    // Offsets inside struct rtmsg.
    private const int RtDstLength = 1;
    private const int RtTable = 4;
    private const int RtProtocol = 5;
    private const int RtScope = 6;
    private const int RtType = 7;

    /// <summary>Writes a struct ifinfomsg for the given link with the given flag change.</summary>
    public static void WriteLinkHeader(
        NetlinkMessageBuilder builder,
        int index,
        uint flags = 0,
        uint change = 0)
    {
        var header = builder.Append(IfInfoMsgSize);
        MemoryMarshal.Write(header[IfInfoIndex..], in index);
        MemoryMarshal.Write(header[IfInfoFlags..], in flags);
        MemoryMarshal.Write(header[IfInfoChange..], in change);
    }

    public static LinkInfo DecodeLink(ReadOnlySpan<byte> payload)
    {
        RequireLength(payload, IfInfoMsgSize, "ifinfomsg");
        var index = MemoryMarshal.Read<int>(payload[IfInfoIndex..]);
        var flags = MemoryMarshal.Read<uint>(payload[IfInfoFlags..]);
        string name = string.Empty;
        int mtu = 0;
        int master = 0;
        string? kind = null;

        var attributes = new NetlinkAttributeReader(payload[IfInfoMsgSize..]);
        while (attributes.TryReadNext(out var type, out var value))
        {
            switch (type)
            {
                case IFLA_IFNAME:
                    name = NetlinkAttributeReader.ReadString(value);
                    break;
                case IFLA_MTU:
                    mtu = (int)NetlinkAttributeReader.ReadUInt32(value);
                    break;
                case IFLA_MASTER:
                    master = (int)NetlinkAttributeReader.ReadUInt32(value);
                    break;
                case IFLA_LINKINFO:
                    kind = ReadLinkKind(value);
                    break;
            }
        }

        return new LinkInfo(index, name, mtu, (flags & IFF_UP) != 0, master, kind);
    }

    public static void WriteAddress(NetlinkMessageBuilder builder, InterfaceAddress address)
    {
        var header = builder.Append(IfAddrMsgSize);
        header[0] = AF_INET;
        header[IfAddrPrefixLength] = checked((byte)address.PrefixLength);
        header[IfAddrScope] = RT_SCOPE_UNIVERSE;
        var index = address.LinkIndex;
        MemoryMarshal.Write(header[IfAddrIndex..], in index);
        builder.AddAddress(IFA_LOCAL, address.Address);
        builder.AddAddress(IFA_ADDRESS, address.Address);
    }

    /// <summary>Decodes an address message; null for a family other than IPv4.</summary>
    public static InterfaceAddress? DecodeAddress(ReadOnlySpan<byte> payload)
    {
        RequireLength(payload, IfAddrMsgSize, "ifaddrmsg");
        if (payload[0] != AF_INET)
        {
            return null;
        }

        var prefixLength = payload[IfAddrPrefixLength];
        var index = MemoryMarshal.Read<int>(payload[IfAddrIndex..]);
        IPAddress? local = null;
        IPAddress? address = null;

        var attributes = new NetlinkAttributeReader(payload[IfAddrMsgSize..]);
        while (attributes.TryReadNext(out var type, out var value))
        {
            if (type == IFA_LOCAL)
            {
                local = NetlinkAttributeReader.ReadAddress(value);
            }
            else if (type == IFA_ADDRESS)
            {
                address = NetlinkAttributeReader.ReadAddress(value);
            }
        }

        var chosen = local ?? address
            ?? throw new NetlinkFormatException("an IPv4 address message carries no address");
        return new InterfaceAddress(index, chosen, prefixLength);
    }

    /// <summary>
    /// Writes a struct rtmsg and the route's attributes. For a delete the scope is "nowhere" and
    /// the type unspecified, so the kernel matches any scope and type, and only the protocol given.
    /// </summary>
    public static void WriteRoute(NetlinkMessageBuilder builder, Ipv4Route route, bool forDelete)
    {
        var header = builder.Append(RtMsgSize);
        header[0] = AF_INET;
        header[RtDstLength] = (byte)route.Destination.Length;
        header[RtTable] = route.Table < 256 ? (byte)route.Table : (byte)0;
        header[RtProtocol] = route.Protocol;
        if (forDelete)
        {
            header[RtScope] = RT_SCOPE_NOWHERE;
            header[RtType] = RTN_UNSPEC;
        }
        else
        {
            header[RtScope] = route.Gateway is null ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
            header[RtType] = RTN_UNICAST;
        }

        builder.AddUInt32(RTA_TABLE, route.Table);
        if (route.Destination.Length > 0)
        {
            builder.AddAddress(RTA_DST, route.Destination.Address);
        }

        if (route.Gateway is not null)
        {
            builder.AddAddress(RTA_GATEWAY, route.Gateway);
        }

        if (route.LinkIndex != 0)
        {
            builder.AddUInt32(RTA_OIF, (uint)route.LinkIndex);
        }

        if (route.Metric != 0)
        {
            builder.AddUInt32(RTA_PRIORITY, route.Metric);
        }

        if (route.PreferredSource is not null && !forDelete)
        {
            builder.AddAddress(RTA_PREFSRC, route.PreferredSource);
        }
    }

    /// <summary>Decodes a route message; null for a family other than IPv4 or a non-unicast type.</summary>
    public static Ipv4Route? DecodeRoute(ReadOnlySpan<byte> payload)
    {
        var fields = DecodeRouteFields(payload);
        if (fields.Family != AF_INET || fields.Type != RTN_UNICAST)
        {
            return null;
        }

        var destination = fields.Destination is null
            ? new Ipv4Prefix(0, 0)
            : new Ipv4Prefix(Ipv4Prefix.ToUInt32(fields.Destination), fields.DestinationLength);
        return new Ipv4Route(
            destination,
            fields.Gateway,
            fields.LinkIndex,
            fields.Protocol,
            fields.Table,
            fields.Metric,
            fields.PreferredSource);
    }

    /// <summary>Writes an RTM_GETROUTE lookup for one destination address.</summary>
    public static void WriteRouteLookup(NetlinkMessageBuilder builder, IPAddress destination)
    {
        var header = builder.Append(RtMsgSize);
        header[0] = AF_INET;
        header[RtDstLength] = 32;
        builder.AddAddress(RTA_DST, destination);
    }

    public static RouteLookup DecodeRouteLookup(ReadOnlySpan<byte> payload, IPAddress destination)
    {
        var fields = DecodeRouteFields(payload);
        return new RouteLookup(
            destination,
            fields.LinkIndex,
            fields.Gateway,
            fields.PreferredSource,
            fields.Mtu);
    }

    private static RouteFields DecodeRouteFields(ReadOnlySpan<byte> payload)
    {
        RequireLength(payload, RtMsgSize, "rtmsg");
        var fields = new RouteFields
        {
            Family = payload[0],
            DestinationLength = payload[RtDstLength],
            Table = payload[RtTable],
            Protocol = payload[RtProtocol],
            Type = payload[RtType],
        };
        if (fields.Family != AF_INET)
        {
            return fields;
        }

        var attributes = new NetlinkAttributeReader(payload[RtMsgSize..]);
        while (attributes.TryReadNext(out var type, out var value))
        {
            switch (type)
            {
                case RTA_DST:
                    fields.Destination = NetlinkAttributeReader.ReadAddress(value);
                    break;
                case RTA_GATEWAY:
                    fields.Gateway = NetlinkAttributeReader.ReadAddress(value);
                    break;
                case RTA_OIF:
                    fields.LinkIndex = (int)NetlinkAttributeReader.ReadUInt32(value);
                    break;
                case RTA_PRIORITY:
                    fields.Metric = NetlinkAttributeReader.ReadUInt32(value);
                    break;
                case RTA_PREFSRC:
                    fields.PreferredSource = NetlinkAttributeReader.ReadAddress(value);
                    break;
                case RTA_TABLE:
                    fields.Table = NetlinkAttributeReader.ReadUInt32(value);
                    break;
                case RTA_METRICS:
                    fields.Mtu = ReadMetricsMtu(value);
                    break;
            }
        }

        return fields;
    }

    private static int? ReadMetricsMtu(ReadOnlySpan<byte> metrics)
    {
        var attributes = new NetlinkAttributeReader(metrics);
        while (attributes.TryReadNext(out var type, out var value))
        {
            if (type == RTAX_MTU)
            {
                return (int)NetlinkAttributeReader.ReadUInt32(value);
            }
        }

        return null;
    }

    private static string? ReadLinkKind(ReadOnlySpan<byte> linkInfo)
    {
        var attributes = new NetlinkAttributeReader(linkInfo);
        while (attributes.TryReadNext(out var type, out var value))
        {
            if (type == IFLA_INFO_KIND)
            {
                return NetlinkAttributeReader.ReadString(value);
            }
        }

        return null;
    }

    private static void RequireLength(ReadOnlySpan<byte> payload, int needed, string what)
    {
        if (payload.Length < needed)
        {
            throw new NetlinkFormatException(
                $"truncated {what}: {payload.Length} bytes, {needed} needed");
        }
    }
}
