using System.Text;
using Tmds.Linux;
using static Tmds.Linux.LibC;

namespace CupsAndString.NodeAgent.Linux;

/// <summary>
/// One queue of a layer-3 TUN device: each <see cref="Read"/> returns one IP packet the kernel
/// routed into the device, each <see cref="Write"/> hands one IP packet to the kernel as if it had
/// arrived on the device. The descriptor is non-blocking; a read waits in poll together with a
/// wake-up eventfd, so <see cref="Wake"/> (or <see cref="Dispose"/>) ends a blocked read cleanly.
/// </summary>
public sealed unsafe class TunDevice : IDisposable
{
    private readonly int _fd;
    private readonly int _wakeFd;
    private int _disposed;
    private volatile bool _closing;

    private TunDevice(int fd, int wakeFd, string name, TunFeatures features)
    {
        _fd = fd;
        _wakeFd = wakeFd;
        Name = name;
        Features = features;
    }

    /// <summary>The interface name the kernel gave the device.</summary>
    public string Name { get; }

    public TunFeatures Features { get; }

    /// <summary>True once <see cref="Wake"/> or <see cref="Dispose"/> was called.</summary>
    public bool IsClosing => Volatile.Read(ref _disposed) != 0 || _closing;


    /// <summary>
    /// Creates the device (or attaches to an existing one of that name) and opens one queue.
    /// Throws <see cref="TunDeviceException"/> naming the step, the device and the errno.
    /// </summary>
    public static TunDevice Open(string name, TunFeatures features = TunFeatures.None)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var nameBytes = Encoding.ASCII.GetBytes(name);
        if (nameBytes.Length > TunDeviceName.MaxLength)
        {
            throw new ArgumentException(
                $"TUN name '{name}' is longer than {TunDeviceName.MaxLength} bytes", nameof(name));
        }

        var fd = OpenClone(name);
        var wakeFd = -1;
        try
        {
            var actualName = Attach(fd, nameBytes, features);
            wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
            if (wakeFd < 0)
            {
                throw new TunDeviceException("create the wake-up eventfd for", name, errno);
            }

            return new TunDevice(fd, wakeFd, actualName, features);
        }
        catch
        {
            close(fd);
            if (wakeFd >= 0)
            {
                close(wakeFd);
            }

            throw;
        }
    }

    /// <summary>
    /// Blocks until a packet arrives and copies it into <paramref name="packet"/>; returns its
    /// length, or 0 once the device is closing. A packet longer than the buffer is truncated by
    /// the kernel, so size the buffer for the device's largest packet.
    /// </summary>
    public int Read(Span<byte> packet)
    {
        fixed (byte* buffer = packet)
        {
            while (!_closing)
            {
                var n = (long)read(_fd, buffer, packet.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                var error = errno;
                if (error == EINTR)
                {
                    continue;
                }

                if (error != EAGAIN)
                {
                    throw new TunDeviceException("read a packet from", Name, error);
                }

                WaitReadable();
            }
        }

        return 0;
    }

    /// <summary>
    /// Hands one IP packet to the kernel. Returns false when the device's queue is full (the
    /// packet is dropped, as a full NIC queue would), throws on any other failure.
    /// </summary>
    public bool Write(ReadOnlySpan<byte> packet)
    {
        fixed (byte* buffer = packet)
        {
            while (true)
            {
                var n = (long)write(_fd, buffer, packet.Length);
                if (n >= 0)
                {
                    return true;
                }

                var error = errno;
                if (error == EINTR)
                {
                    continue;
                }

                if (error == EAGAIN)
                {
                    return false;
                }

                throw new TunDeviceException("write a packet to", Name, error);
            }
        }
    }

    /// <summary>Ends any blocked or future <see cref="Read"/>; the descriptor stays open.</summary>
    public void Wake()
    {
        _closing = true;
        ulong one = 1;
        write(_wakeFd, &one, sizeof(ulong));
    }

    /// <summary>Wakes readers and closes the descriptors; stop the reading thread first.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Wake();
        close(_fd);
        close(_wakeFd);
    }

    private void WaitReadable()
    {
        var fds = stackalloc pollfd[2];
        fds[0].fd = _fd;
        fds[0].events = POLLIN;
        fds[1].fd = _wakeFd;
        fds[1].events = POLLIN;
        while (poll(fds, 2, -1) < 0)
        {
            var error = errno;
            if (error != EINTR)
            {
                throw new TunDeviceException("wait for packets on", Name, error);
            }
        }
    }

    private static int OpenClone(string name)
    {
        var path = Encoding.ASCII.GetBytes(TunInterop.ClonePath + "\0");
        fixed (byte* p = path)
        {
            var fd = open(p, O_RDWR | O_CLOEXEC | O_NONBLOCK, 0);
            return fd >= 0
                ? fd
                : throw new TunDeviceException($"open {TunInterop.ClonePath} for", name, errno);
        }
    }

    private static string Attach(int fd, byte[] nameBytes, TunFeatures features)
    {
        var request = stackalloc byte[TunInterop.IfreqSize];
        var span = new Span<byte>(request, TunInterop.IfreqSize);
        span.Clear();
        nameBytes.CopyTo(span);
        var flags = (short)(TunInterop.IFF_TUN | TunInterop.IFF_NO_PI);
        if (features.HasFlag(TunFeatures.MultiQueue))
        {
            flags |= TunInterop.IFF_MULTI_QUEUE;
        }

        if (features.HasFlag(TunFeatures.VirtioNetHeader))
        {
            flags |= TunInterop.IFF_VNET_HDR;
        }

        *(short*)(request + TunInterop.IfreqFlagsOffset) = flags;
        if (ioctl(fd, unchecked((int)TunInterop.TUNSETIFF), request) < 0)
        {
            throw new TunDeviceException("attach", Encoding.ASCII.GetString(nameBytes), errno);
        }

        var end = span[..TunInterop.IFNAMSIZ].IndexOf((byte)0);
        return Encoding.ASCII.GetString(span[..(end < 0 ? TunInterop.IFNAMSIZ : end)]);
    }
}
