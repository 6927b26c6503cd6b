using System.Collections.Frozen;
using System.Net;
using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Forwarding;

/// <summary>
/// An immutable snapshot of one overlay's peers, built once per peer-table version and swapped
/// into the forwarder by reference. Finding the peer for a destination is an array index (the
/// subnet number); finding the peer behind a sender is one hash lookup on its socket address.
/// </summary>
public sealed class ForwardingTable
{
    /// <summary>Overlays with more node subnets than this use a dictionary instead of an array.</summary>
    private const ulong MaxArraySlots = 1 << 16;

    private readonly ForwardingPeer?[]? _bySlot;
    private readonly FrozenDictionary<uint, ForwardingPeer>? _bySlotSparse;
    private readonly FrozenDictionary<SocketAddress, ForwardingPeer> _bySender;
    private readonly int _slotShift;

    private ForwardingTable(PeerTable table, ForwardingPeer local, IReadOnlyList<ForwardingPeer> peers)
    {
        Overlay = table.Overlay;
        OverlayId = table.OverlayId;
        Version = table.Version;
        Cidr = Ipv4Prefix.Parse(table.Cidr);
        NodePrefixLength = table.NodePrefixLength;
        Local = local;
        Peers = peers;
        _slotShift = 32 - NodePrefixLength;

        var slots = Cidr.SubnetCount(NodePrefixLength);
        if (slots <= MaxArraySlots)
        {
            _bySlot = new ForwardingPeer?[slots];
            foreach (var peer in peers)
            {
                _bySlot[SlotOf(peer.Subnet.Network)] = peer;
            }
        }
        else
        {
            _bySlotSparse = peers.ToFrozenDictionary(p => SlotOf(p.Subnet.Network));
        }

        _bySender = peers.ToFrozenDictionary(p => p.SocketAddress);
    }

    public string Overlay { get; }

    public uint OverlayId { get; }

    public long Version { get; }

    public Ipv4Prefix Cidr { get; }

    public int NodePrefixLength { get; }

    /// <summary>This node: its subnet is where inner destinations of received packets must lie.</summary>
    public ForwardingPeer Local { get; }

    /// <summary>Every other node of the overlay.</summary>
    public IReadOnlyList<ForwardingPeer> Peers { get; }

    /// <summary>
    /// The address the TUN carries: the network address of this node's subnet (10.10.N.0), which
    /// Docker's bridge never takes. ICMP messages the forwarder writes come from it.
    /// </summary>
    public uint TunAddress => Local.Subnet.Network;

    /// <summary>
    /// Builds the table for the node with <paramref name="localNodeNumber"/>. Throws
    /// <see cref="InvalidDataException"/> when the table is inconsistent or lacks that node.
    /// </summary>
    public static ForwardingTable Build(PeerTable table, int localNodeNumber)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (PeerTableFile.Validate(table) is { } problem)
        {
            throw new InvalidDataException($"peer table of overlay {table.Overlay}: {problem}");
        }

        ForwardingPeer? local = null;
        var peers = new List<ForwardingPeer>();
        var endpoints = new Dictionary<IPEndPoint, int>();
        foreach (var node in table.Nodes)
        {
            Ipv4Prefix.TryParseAddress(node.Address, out var address);
            var peer = new ForwardingPeer(node.Number, Ipv4Prefix.Parse(node.Subnet), address, table.Port);
            if (!endpoints.TryAdd(peer.EndPoint, node.Number))
            {
                throw new InvalidDataException(
                    $"peer table of overlay {table.Overlay}: nodes {endpoints[peer.EndPoint]} and "
                    + $"{node.Number} share the endpoint {peer.EndPoint}");
            }

            if (node.Number == localNodeNumber)
            {
                local = peer;
            }
            else
            {
                peers.Add(peer);
            }
        }

        if (local is null)
        {
            throw new InvalidDataException(
                $"peer table of overlay {table.Overlay} version {table.Version} "
                + $"has no node {localNodeNumber}");
        }

        return new ForwardingTable(table, local, peers);
    }

    /// <summary>The peer whose subnet holds <paramref name="destination"/>; null if none or us.</summary>
    public ForwardingPeer? FindByDestination(uint destination)
    {
        if (!Cidr.Contains(destination))
        {
            return null;
        }

        var slot = SlotOf(destination);
        if (_bySlot is { } slots)
        {
            return slots[slot];
        }

        return _bySlotSparse!.TryGetValue(slot, out var peer) ? peer : null;
    }

    /// <summary>The peer that sends from <paramref name="sender"/>; null when it is no peer.</summary>
    public ForwardingPeer? FindBySender(SocketAddress sender) =>
        _bySender.TryGetValue(sender, out var peer) ? peer : null;

    private uint SlotOf(uint address) => (address - Cidr.Network) >> _slotShift;
}
