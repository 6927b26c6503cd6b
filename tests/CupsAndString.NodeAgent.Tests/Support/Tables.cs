using CupsAndString.Contracts;
using Xunit;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Peer tables for tests; every underlay address is on loopback.</summary>
public static class Tables
{
    public const uint OverlayId = 7;

    /// <summary>Overlay "web" (10.10.0.0/16, /24 per node) with nodes 1 to 3 at 127.0.0.11-13.</summary>
    public static PeerTable ThreeNodes(int port = OverlayDefaults.Port, long version = 3) =>
        new(
            "web",
            OverlayId,
            "10.10.0.0/16",
            24,
            port,
            version,
            [Node(1), Node(2), Node(3)]);

    public static PeerNode Node(int number) =>
        new(number, IdOf(number), $"127.0.0.{10 + number}", $"10.10.{number}.0/24");

    public static Guid IdOf(int number) => new($"00000000-0000-0000-0000-{number:D12}");
}
