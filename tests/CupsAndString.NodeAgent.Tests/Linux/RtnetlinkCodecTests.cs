using System.Net;
using System.Runtime.InteropServices;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Linux.Netlink;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Linux;

public sealed class RtnetlinkCodecTests
{
    public static TheoryData<string, string?, int, byte, uint, uint, string?> Routes => new()
    {
        { "10.10.0.0/16", null, 7, RouteProtocols.Agent, RouteProtocols.MainTable, 0, "10.10.3.0" },
        { "10.10.5.0/24", "192.0.2.13", 3, RouteProtocols.Agent, RouteProtocols.MainTable, 100, null },
        { "0.0.0.0/0", "192.0.2.1", 0, RouteProtocols.Boot, 1000, 0, null },
        { "192.0.2.7/32", null, 2, RouteProtocols.Kernel, 100, 5, "192.0.2.1" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_written_then_read_comes_back_equal(
        string destination,
        string? gateway,
        int link,
        byte protocol,
        uint table,
        uint metric,
        string? source)
    {
        var route = new Ipv4Route(
            Ipv4Prefix.Parse(destination),
            gateway is null ? null : IPAddress.Parse(gateway),
            link,
            protocol,
            table,
            metric,
            source is null ? null : IPAddress.Parse(source));
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_NEWROUTE, NetlinkConstants.NLM_F_REQUEST, 9);
        RtnetlinkCodec.WriteRoute(builder, route, forDelete: false);

        var decoded = RtnetlinkCodec.DecodeRoute(PayloadOf(builder.Finish(), out var header));

        Assert.Equal(route, decoded);
        Assert.Equal(NetlinkConstants.RTM_NEWROUTE, header.Type);
        Assert.Equal(9u, header.Sequence);
    }

    [Fact]
    public void A_route_written_for_delete_is_not_read_back_as_a_unicast_route()
    {
        var route = new Ipv4Route(Ipv4Prefix.Parse("10.10.0.0/16"), null, 4);
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_DELROUTE, NetlinkConstants.NLM_F_REQUEST, 1);
        RtnetlinkCodec.WriteRoute(builder, route, forDelete: true);

        Assert.Null(RtnetlinkCodec.DecodeRoute(PayloadOf(builder.Finish(), out _)));
    }

    [Fact]
    public void An_address_written_then_read_comes_back_equal()
    {
        var address = new InterfaceAddress(12, IPAddress.Parse("10.10.3.0"), 32);
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_NEWADDR, NetlinkConstants.NLM_F_REQUEST, 2);
        RtnetlinkCodec.WriteAddress(builder, address);

        Assert.Equal(address, RtnetlinkCodec.DecodeAddress(PayloadOf(builder.Finish(), out _)));
    }

    [Fact]
    public void A_link_written_with_name_mtu_master_and_kind_is_read_back_with_all_four()
    {
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_REQUEST, 3);
        RtnetlinkCodec.WriteLinkHeader(builder, 42, NetlinkConstants.IFF_UP, NetlinkConstants.IFF_UP);
        builder.AddString(NetlinkConstants.IFLA_IFNAME, "cas-web");
        builder.AddUInt32(NetlinkConstants.IFLA_MTU, 1444);
        builder.AddUInt32(NetlinkConstants.IFLA_MASTER, 5);
        var info = builder.BeginNested(NetlinkConstants.IFLA_LINKINFO);
        builder.AddString(NetlinkConstants.IFLA_INFO_KIND, "veth");
        builder.EndNested(info);

        var link = RtnetlinkCodec.DecodeLink(PayloadOf(builder.Finish(), out _));

        Assert.Equal(new LinkInfo(42, "cas-web", 1444, IsUp: true, MasterIndex: 5, Kind: "veth"), link);
    }

    [Fact]
    public void Attributes_are_padded_to_four_bytes_and_the_header_holds_the_total_length()
    {
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_GETLINK, NetlinkConstants.NLM_F_REQUEST, 4);
        RtnetlinkCodec.WriteLinkHeader(builder, 0);
        builder.AddString(NetlinkConstants.IFLA_IFNAME, "ab");

        var message = builder.Finish();

        // 16 header + 16 ifinfomsg + 4 attribute header + 3 bytes "ab\0" padded to 4.
        Assert.Equal(40, message.Length);
        Assert.Equal(40u, MemoryMarshal.Read<uint>(message));
        Assert.Equal(7, MemoryMarshal.Read<ushort>(message[32..]));
    }

    [Fact]
    public void Every_truncation_of_a_route_message_is_a_format_error_or_a_shorter_whole()
    {
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_NEWROUTE, NetlinkConstants.NLM_F_REQUEST, 5);
        RtnetlinkCodec.WriteRoute(
            builder,
            new Ipv4Route(Ipv4Prefix.Parse("10.10.5.0/24"), IPAddress.Parse("192.0.2.13"), 3),
            forDelete: false);
        var whole = builder.Finish().ToArray();

        for (var length = 1; length < whole.Length; length++)
        {
            var cut = whole.AsSpan(0, length).ToArray();
            var error = Record.Exception(() => ReadAll(cut));
            Assert.IsType<NetlinkFormatException>(error);
        }
    }

    [Fact]
    public void A_message_whose_header_claims_more_bytes_than_arrived_is_a_format_error()
    {
        var bytes = new byte[20];
        MemoryMarshal.Write(bytes, 64u);

        var error = Assert.Throws<NetlinkFormatException>(() => ReadAll(bytes));

        Assert.Contains("claims 64 bytes", error.Message);
    }

    [Fact]
    public void An_attribute_claiming_more_bytes_than_its_message_holds_is_a_format_error()
    {
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_NEWLINK, 0, 6);
        RtnetlinkCodec.WriteLinkHeader(builder, 1);
        builder.AddString(NetlinkConstants.IFLA_IFNAME, "cas-web");
        var message = builder.Finish().ToArray();
        var lengthOffset = NetlinkConstants.NlMsgHdrSize + NetlinkConstants.IfInfoMsgSize;
        MemoryMarshal.Write(message.AsSpan(lengthOffset), (ushort)200);

        var error = Assert.Throws<NetlinkFormatException>(() => DecodeLinkOf(message));

        Assert.Contains("attribute 3 claims 200 bytes", error.Message);
    }

    [Fact]
    public void Attribute_bytes_too_few_for_an_attribute_header_are_a_format_error()
    {
        // Header, ifinfomsg, then two stray bytes where a 4-byte attribute header should be.
        var message = new byte[NetlinkConstants.NlMsgHdrSize + NetlinkConstants.IfInfoMsgSize + 2];
        MemoryMarshal.Write(message, (uint)message.Length);
        MemoryMarshal.Write(message.AsSpan(4), NetlinkConstants.RTM_NEWLINK);

        var error = Assert.Throws<NetlinkFormatException>(() => DecodeLinkOf(message));

        Assert.Contains("truncated netlink attribute header", error.Message);
    }

    [Fact]
    public void A_route_payload_shorter_than_its_fixed_header_is_a_format_error()
    {
        var error = Assert.Throws<NetlinkFormatException>(() => RtnetlinkCodec.DecodeRoute(new byte[11]));

        Assert.Contains("truncated rtmsg", error.Message);
    }

    [Fact]
    public void Two_messages_in_one_buffer_are_read_one_after_the_other()
    {
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.RTM_NEWADDR, 0, 1);
        RtnetlinkCodec.WriteAddress(builder, new InterfaceAddress(1, IPAddress.Parse("192.0.2.1"), 24));
        var first = builder.Finish().ToArray();
        builder.Start(NetlinkConstants.NLMSG_DONE, 0, 1);
        builder.Append(4);
        var second = builder.Finish().ToArray();

        var types = ReadTypes([.. first, .. second]);

        Assert.Equal([NetlinkConstants.RTM_NEWADDR, NetlinkConstants.NLMSG_DONE], types);
    }

    private static LinkInfo DecodeLinkOf(byte[] message)
    {
        var reader = new NetlinkMessageReader(message);
        Assert.True(reader.TryReadNext(out _, out var payload));
        return RtnetlinkCodec.DecodeLink(payload);
    }

    private static List<ushort> ReadTypes(byte[] buffer)
    {
        var types = new List<ushort>();
        var reader = new NetlinkMessageReader(buffer);
        while (reader.TryReadNext(out var header, out _))
        {
            types.Add(header.Type);
        }

        return types;
    }

    private static void ReadAll(byte[] buffer)
    {
        var reader = new NetlinkMessageReader(buffer);
        while (reader.TryReadNext(out _, out var payload))
        {
            RtnetlinkCodec.DecodeRoute(payload);
        }
    }

    private static ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> message, out NetlinkHeader header)
    {
        var reader = new NetlinkMessageReader(message);
        Assert.True(reader.TryReadNext(out header, out var payload));
        return payload;
    }
}
