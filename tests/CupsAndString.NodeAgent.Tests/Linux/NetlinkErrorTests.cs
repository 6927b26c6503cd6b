using System.Runtime.InteropServices;
using CupsAndString.NodeAgent.Linux;
using CupsAndString.NodeAgent.Linux.Netlink;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Linux;

public sealed class NetlinkErrorTests
{
    [Fact]
    public void An_acknowledgement_with_error_zero_does_not_throw()
    {
        var payload = ErrorPayload(0, extendedMessage: null);

        NetlinkSocket.ThrowIfError(payload, 0, "set cas-web up");
    }

    [Fact]
    public void A_negative_errno_becomes_one_exception_naming_the_action_and_the_errno()
    {
        var payload = ErrorPayload(-1, extendedMessage: null);

        const ushort flags = NetlinkConstants.NLM_F_CAPPED;

        var error = Assert.Throws<KernelCallException>(
            () => NetlinkSocket.ThrowIfError(payload, flags, "set MTU 1464 on cas-web"));

        Assert.Equal("failed to set MTU 1464 on cas-web: EPERM", error.Message);
        Assert.Equal(1, error.Errno);
    }

    [Fact]
    public void The_kernels_extended_error_text_is_appended_in_parentheses()
    {
        var payload = ErrorPayload(-22, "Invalid prefix for given prefix length");
        const ushort flags = NetlinkConstants.NLM_F_CAPPED | NetlinkConstants.NLM_F_ACK_TLVS;

        var error = Assert.Throws<KernelCallException>(
            () => NetlinkSocket.ThrowIfError(payload, flags, "add route 10.10.0.0/16"));

        Assert.Equal(
            "failed to add route 10.10.0.0/16: EINVAL (Invalid prefix for given prefix length)",
            error.Message);
    }

    [Fact]
    public void An_errno_outside_the_table_is_named_by_its_number()
    {
        Assert.Equal("errno 4095", ErrnoNames.Of(4095));
        Assert.Equal("ENODEV", ErrnoNames.Of(19));
    }

    private static byte[] ErrorPayload(int error, string? extendedMessage)
    {
        var builder = new NetlinkMessageBuilder();
        builder.Start(NetlinkConstants.NLMSG_ERROR, 0, 1);
        var errorBlock = builder.Append(NetlinkConstants.NlMsgErrSize);
        MemoryMarshal.Write(errorBlock, in error);
        var echoedLength = (uint)NetlinkConstants.NlMsgHdrSize;
        MemoryMarshal.Write(errorBlock[4..], in echoedLength);
        if (extendedMessage is not null)
        {
            builder.AddString(NetlinkConstants.NLMSGERR_ATTR_MSG, extendedMessage);
        }

        var reader = new NetlinkMessageReader(builder.Finish());
        Assert.True(reader.TryReadNext(out _, out var payload));
        return payload.ToArray();
    }
}
