using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using CupsAndString.NodeAgent.Linux;
using Microsoft.Win32.SafeHandles;

namespace CupsAndString.Lab.Tests.Kernel;

/// <summary>
/// A real TUN interface made inside a namespace for a test, without the forwarder: it exists
/// while this object holds its file descriptor and vanishes (with its routes) on dispose.
/// </summary>
public sealed class TestTun : IDisposable
{
    private const nuint TunSetInterface = 0x400454CA;
    private const short TunMode = 0x0001;
    private const short NoPacketInformation = 0x1000;

    private readonly SafeFileHandle handle;

    private TestTun(SafeFileHandle handle)
    {
        this.handle = handle;
    }

    public static TestTun Open(string namespaceName, string name) =>
        NetworkNamespace.Run(namespaceName, () => Create(name));

    public void Dispose() => handle.Dispose();

    private static TestTun Create(string name)
    {
        var handle = File.OpenHandle(
            "/dev/net/tun", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var request = new byte[40];
        Encoding.ASCII.GetBytes(name, request);
        BinaryPrimitives.WriteInt16LittleEndian(request.AsSpan(16), TunMode | NoPacketInformation);
        if (SetInterface(handle, TunSetInterface, request) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new KernelCallException($"create TUN {name}", errno);
        }

        return new TestTun(handle);
    }

    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int SetInterface(SafeFileHandle fd, nuint request, byte[] interfaceRequest);
}
