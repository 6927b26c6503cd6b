using System.Runtime.InteropServices;
using Tmds.Linux;
using static CupsAndString.NodeAgent.Linux.Netlink.NetlinkConstants;

namespace CupsAndString.NodeAgent.Linux.Netlink;

/// <summary>
/// A NETLINK_ROUTE socket. It belongs to the network namespace of the thread that opened it and
/// stays there whichever thread uses it later. Requests are synchronous: send one message, read
/// replies with the same sequence number until the acknowledgement or the end of the dump.
/// Not safe for concurrent use; one caller at a time.
/// </summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    private const int ReceiveBufferSize = 64 * 1024;
    private const int ReceiveTimeoutSeconds = 10;
    private const int DumpAttempts = 3;

    private readonly byte[] receiveBuffer = new byte[ReceiveBufferSize];
    private int fd;
    private uint sequence;

    private NetlinkSocket(int fd)
    {
        this.fd = fd;
        sequence = (uint)Environment.TickCount;
    }

    public NetlinkMessageBuilder Builder { get; } = new();

    /// <summary>Opens a route netlink socket in the calling thread's network namespace.</summary>
    public static NetlinkSocket Open()
    {
        var fd = LibC.socket(AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0)
        {
            throw new KernelCallException("open a route netlink socket", LibC.errno);
        }

        try
        {
            SetOption(fd, SOL_NETLINK, NETLINK_EXT_ACK, 1, "ask for extended netlink errors");
            SetOption(fd, SOL_NETLINK, NETLINK_CAP_ACK, 1, "ask for short netlink errors");
            SetReceiveTimeout(fd);
            Bind(fd);
            return new NetlinkSocket(fd);
        }
        catch
        {
            LibC.close(fd);
            throw;
        }
    }

    public uint NextSequence() => ++sequence;

    /// <summary>Sends the message in <see cref="Builder"/> and waits for its acknowledgement.</summary>
    public void Execute(string action)
    {
        var message = Builder.Finish();
        var expected = NetlinkMessageReader.ReadHeader(message).Sequence;
        Send(message, action);
        ReceiveUntil<object>(expected, action, static (in _, _) => null, collect: null);
    }

    /// <summary>Sends the dump request in <see cref="Builder"/> and decodes every reply.</summary>
    public List<T> Dump<T>(string action, NetlinkMessageDecoder<T> decode)
        where T : class
    {
        var message = Builder.Finish().ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var expected = NextSequence();
            MemoryMarshal.Write(message.AsSpan(8), in expected);
            Send(message, action);
            var results = new List<T>();
            var interrupted = ReceiveUntil(expected, action, decode, results);
            if (!interrupted)
            {
                return results;
            }

            if (attempt == DumpAttempts)
            {
                throw new KernelCallException(
                    action,
                    LibC.EAGAIN,
                    $"the kernel's table kept changing during {DumpAttempts} dumps");
            }
        }
    }

    /// <summary>Sends the request in <see cref="Builder"/> and decodes its single reply.</summary>
    public T Query<T>(string action, NetlinkMessageDecoder<T> decode)
        where T : class
    {
        var message = Builder.Finish();
        var expected = NetlinkMessageReader.ReadHeader(message).Sequence;
        Send(message, action);
        var results = new List<T>();
        ReceiveUntil(expected, action, decode, results, stopAfterFirst: true);
        return results.Count > 0
            ? results[0]
            : throw new KernelCallException(action, LibC.ENODATA, "the kernel sent no answer");
    }

    public void Dispose()
    {
        if (fd >= 0)
        {
            LibC.close(fd);
            fd = -1;
        }
    }

    /// <summary>Reads replies until the request is finished; true when a dump was interrupted.</summary>
    private bool ReceiveUntil<T>(
        uint expected,
        string action,
        NetlinkMessageDecoder<T> decode,
        List<T>? collect,
        bool stopAfterFirst = false)
        where T : class
    {
        var interrupted = false;
        while (true)
        {
            var received = Receive(action);
            var reader = new NetlinkMessageReader(receiveBuffer.AsSpan(0, received));
            while (reader.TryReadNext(out var header, out var payload))
            {
                if (header.Sequence != expected)
                {
                    continue;
                }

                if ((header.Flags & NLM_F_DUMP_INTR) != 0)
                {
                    interrupted = true;
                }

                switch (header.Type)
                {
                    case NLMSG_ERROR:
                        ThrowIfError(payload, header.Flags, action);
                        return interrupted;
                    case NLMSG_DONE:
                        ThrowIfError(payload, header.Flags, action);
                        return interrupted;
                    case NLMSG_NOOP:
                        continue;
                }

                var value = decode(in header, payload);
                if (value is not null)
                {
                    collect?.Add(value);
                }

                if (stopAfterFirst && (header.Flags & NLM_F_MULTI) == 0)
                {
                    return interrupted;
                }
            }
        }
    }

    /// <summary>
    /// Throws when an error or done message carries a negative errno. With extended acks the
    /// kernel appends a sentence saying which attribute it disliked; it goes into the message.
    /// </summary>
    internal static void ThrowIfError(ReadOnlySpan<byte> payload, ushort flags, string action)
    {
        if (payload.Length < 4)
        {
            return;
        }

        var error = MemoryMarshal.Read<int>(payload);
        if (error == 0)
        {
            return;
        }

        string? detail = null;
        if ((flags & NLM_F_ACK_TLVS) != 0 && payload.Length >= NlMsgErrSize)
        {
            var echoed = NetlinkMessageReader.ReadHeader(payload[4..]);
            var skip = (flags & NLM_F_CAPPED) != 0
                ? NlMsgErrSize
                : 4 + NetlinkMessageBuilder.Align((int)echoed.Length);
            if (skip <= payload.Length)
            {
                detail = ReadExtendedMessage(payload[skip..]);
            }
        }

        throw new KernelCallException(action, -error, detail);
    }

    private static string? ReadExtendedMessage(ReadOnlySpan<byte> attributes)
    {
        var reader = new NetlinkAttributeReader(attributes);
        while (reader.TryReadNext(out var type, out var value))
        {
            if (type == NLMSGERR_ATTR_MSG)
            {
                return NetlinkAttributeReader.ReadString(value);
            }
        }

        return null;
    }

    private void Send(ReadOnlySpan<byte> message, string action)
    {
        Span<byte> kernel = stackalloc byte[12];
        kernel.Clear();
        MemoryMarshal.Write(kernel, (ushort)AF_NETLINK);
        fixed (byte* data = message)
        fixed (byte* address = kernel)
        {
            while (true)
            {
                var sent = LibC.sendto(fd, data, message.Length, 0, (sockaddr*)address, 12);
                if (sent >= 0)
                {
                    return;
                }

                var errno = LibC.errno;
                if (errno != LibC.EINTR)
                {
                    throw new KernelCallException($"{action} (sending the request)", errno);
                }
            }
        }
    }

    private int Receive(string action)
    {
        fixed (byte* data = receiveBuffer)
        {
            while (true)
            {
                // With MSG_TRUNC the kernel returns the real length even when it did not fit.
                var received = LibC.recv(fd, data, receiveBuffer.Length, LibC.MSG_TRUNC);
                if (received > receiveBuffer.Length)
                {
                    throw new KernelCallException(
                        $"{action} (reading the reply)",
                        LibC.EMSGSIZE,
                        $"a reply of {(long)received} bytes does not fit the "
                        + $"{receiveBuffer.Length}-byte buffer");
                }

                if (received > 0)
                {
                    return (int)received;
                }

                var errno = LibC.errno;
                if (received == 0)
                {
                    throw new KernelCallException($"{action} (reading the reply)", LibC.EPROTO, "no data");
                }

                if (errno == LibC.EAGAIN)
                {
                    throw new KernelCallException(
                        $"{action} (reading the reply)",
                        errno,
                        $"no reply within {ReceiveTimeoutSeconds} s");
                }

                if (errno != LibC.EINTR)
                {
                    throw new KernelCallException($"{action} (reading the reply)", errno);
                }
            }
        }
    }

    private static void SetOption(int fd, int level, int option, int value, string action)
    {
        if (LibC.setsockopt(fd, level, option, &value, sizeof(int)) < 0)
        {
            throw new KernelCallException(action, LibC.errno);
        }
    }

    private static void SetReceiveTimeout(int fd)
    {
        // struct timeval: seconds and microseconds, each a long.
        Span<long> timeout = [ReceiveTimeoutSeconds, 0];
        fixed (long* value = timeout)
        {
            if (LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, value, 2 * sizeof(long)) < 0)
            {
                throw new KernelCallException("set a receive timeout on a route netlink socket", LibC.errno);
            }
        }
    }

    private static void Bind(int fd)
    {
        // struct sockaddr_nl: family, padding, port id 0 (the kernel picks one), no groups.
        Span<byte> local = stackalloc byte[12];
        local.Clear();
        MemoryMarshal.Write(local, (ushort)AF_NETLINK);
        fixed (byte* address = local)
        {
            if (LibC.bind(fd, (sockaddr*)address, 12) < 0)
            {
                throw new KernelCallException("bind a route netlink socket", LibC.errno);
            }
        }
    }
}
