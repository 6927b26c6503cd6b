namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>
/// Numbers from the kernel's netlink and rtnetlink headers (linux/netlink.h, linux/rtnetlink.h,
/// linux/if_link.h, linux/if_addr.h, linux/veth.h). Names are kept as the kernel spells them.
/// </summary>
internal static class NetlinkConstants
{
    // Socket level.
    public const int AF_NETLINK = 16;
    public const int NETLINK_ROUTE = 0;
    public const int SOL_NETLINK = 270;
    public const int NETLINK_CAP_ACK = 10;
    public const int NETLINK_EXT_ACK = 11;

    // Sizes of the fixed headers.
    public const int NlMsgHdrSize = 16;
    public const int NlAttrHeaderSize = 4;
    public const int IfInfoMsgSize = 16;
    public const int IfAddrMsgSize = 8;
    public const int RtMsgSize = 12;
    public const int NlMsgErrSize = 4 + NlMsgHdrSize;

    // Message types.
    public const ushort NLMSG_NOOP = 1;
    public const ushort NLMSG_ERROR = 2;
    public const ushort NLMSG_DONE = 3;
    public const ushort RTM_NEWLINK = 16;
    public const ushort RTM_DELLINK = 17;
    public const ushort RTM_GETLINK = 18;
    public const ushort RTM_NEWADDR = 20;
    public const ushort RTM_DELADDR = 21;
    public const ushort RTM_GETADDR = 22;
    public const ushort RTM_NEWROUTE = 24;
    public const ushort RTM_DELROUTE = 25;
    public const ushort RTM_GETROUTE = 26;

    // Message flags.
    public const ushort NLM_F_REQUEST = 0x1;
    public const ushort NLM_F_MULTI = 0x2;
    public const ushort NLM_F_ACK = 0x4;
    public const ushort NLM_F_DUMP_INTR = 0x10;
    public const ushort NLM_F_DUMP = 0x300;
    public const ushort NLM_F_REPLACE = 0x100;
    public const ushort NLM_F_EXCL = 0x200;
    public const ushort NLM_F_CREATE = 0x400;
    public const ushort NLM_F_CAPPED = 0x100;
    public const ushort NLM_F_ACK_TLVS = 0x200;

    // Extended ack attributes.
    public const ushort NLMSGERR_ATTR_MSG = 1;

    // Attribute flags.
    public const ushort NLA_F_NESTED = 0x8000;
    public const ushort NLA_TYPE_MASK = 0x3FFF;

    // Link attributes.
    public const ushort IFLA_IFNAME = 3;
    public const ushort IFLA_MTU = 4;
    public const ushort IFLA_MASTER = 10;
    public const ushort IFLA_LINKINFO = 18;
    public const ushort IFLA_NET_NS_FD = 28;
    public const ushort IFLA_INFO_KIND = 1;
    public const ushort IFLA_INFO_DATA = 2;
    public const ushort VETH_INFO_PEER = 1;

    // Interface flags.
    public const uint IFF_UP = 0x1;
    public const uint IFF_RUNNING = 0x40;
    public const uint IFF_LOWER_UP = 0x10000;

    // Address attributes.
    public const ushort IFA_ADDRESS = 1;
    public const ushort IFA_LOCAL = 2;

    // Route attributes.
    public const ushort RTA_DST = 1;
    public const ushort RTA_OIF = 4;
    public const ushort RTA_GATEWAY = 5;
    public const ushort RTA_PRIORITY = 6;
    public const ushort RTA_PREFSRC = 7;
    public const ushort RTA_METRICS = 8;
    public const ushort RTA_TABLE = 15;
    public const ushort RTAX_MTU = 2;

    // Route header values.
    public const byte AF_INET = 2;
    public const byte RT_TABLE_MAIN = 254;
    public const byte RT_SCOPE_UNIVERSE = 0;
    public const byte RT_SCOPE_LINK = 253;
    public const byte RT_SCOPE_NOWHERE = 255;
    public const byte RTN_UNSPEC = 0;
    public const byte RTN_UNICAST = 1;
}
