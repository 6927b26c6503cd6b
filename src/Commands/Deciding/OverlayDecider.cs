using System.Globalization;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;

namespace CupsAndString.Commands.Deciding;

/// <summary>
/// The rules of the control plane as pure functions from (state, command) to events. No I/O: the
/// caller loads the state, supplies the clock and new ids, and appends what comes back.
/// </summary>
public static class OverlayDecider
{
    /// <summary>The longest node prefix: a /30 still leaves a bridge address and one container.</summary>
    public const int LongestNodePrefix = 30;

    public static Decision<OverlayAccepted> CreateOverlay(
        OverlayRegistry registry,
        CreateOverlay command,
        DateTimeOffset now)
    {
        // Name: valid and not used before.
        if (Names.Validate(command.Name) is { } nameProblem)
        {
            return Decision<OverlayAccepted>.Reject(Rules.NameInvalid, $"overlay name: {nameProblem}");
        }

        if (registry.Overlays.Any(o => o.Name == command.Name))
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.NameTaken,
                $"an overlay named '{command.Name}' already exists; choose another name");
        }

        // Address plan: an IPv4 CIDR with room for at least one node subnet.
        var cidrText = command.Cidr ?? OverlayDefaults.Cidr;
        if (cidrText.Contains(':', StringComparison.Ordinal))
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.CidrNotIpv4,
                $"'{cidrText}' is not an IPv4 CIDR; overlays use IPv4, e.g. {OverlayDefaults.Cidr}");
        }

        if (!Ipv4Prefix.TryParse(cidrText, out var cidr, out var cidrProblem))
        {
            return Decision<OverlayAccepted>.Reject(Rules.CidrInvalid, cidrProblem);
        }

        if (cidr.Length < ReservedRanges.ShortestOverlayPrefix)
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.CidrTooWide,
                $"{cidr} is wider than /{ReservedRanges.ShortestOverlayPrefix} and would take in the "
                + $"underlay and every other overlay; choose a /{ReservedRanges.ShortestOverlayPrefix} "
                + $"or a longer prefix, e.g. {OverlayDefaults.Cidr}");
        }

        if (ReservedRanges.Overlapped(cidr) is { } reserved)
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.CidrReserved,
                $"{cidr} overlaps {reserved}, where containers cannot be reached; choose a private "
                + $"range such as {OverlayDefaults.Cidr}");
        }

        var nodePrefix = command.NodePrefixLength ?? OverlayDefaults.NodePrefixLength;
        if (nodePrefix is < 1 or > LongestNodePrefix)
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.NodePrefixInvalid,
                $"node prefix /{nodePrefix} is not possible; a node subnet is from /1 to "
                    + $"/{LongestNodePrefix}");
        }

        var capacity = OverlayCapacity.Of(cidr, nodePrefix);
        if (capacity < 1)
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.CidrTooSmall,
                $"{cidr} is too small for /{nodePrefix} node subnets: it needs at least three of them "
                + "(the first and the last are never handed out); use a wider CIDR or a longer node prefix");
        }

        var port = command.Port ?? OverlayDefaults.Port;
        if (port is < 1 or > 65535)
        {
            return Decision<OverlayAccepted>.Reject(
                Rules.PortInvalid,
                $"port {port} is not a UDP port; choose one from 1 to 65535");
        }

        // Addresses: never shared with another overlay, since one machine may join several.
        foreach (var other in registry.Overlays)
        {
            if (Ipv4Prefix.TryParse(other.Cidr, out var otherCidr, out _) && otherCidr.Overlaps(cidr))
            {
                return Decision<OverlayAccepted>.Reject(
                    Rules.CidrOverlap,
                    $"{cidr} overlaps overlay '{other.Name}' ({otherCidr}); choose a CIDR outside it");
            }
        }

        // Identity on the wire: the lowest id no overlay holds.
        var id = LowestFree(registry.Overlays.Select(o => o.OverlayId));
        var created = new OverlayCreated(command.Name, id, cidr.ToString(), nodePrefix, port, now);
        var registered = new OverlayRegistered(command.Name, id, cidr.ToString(), now);
        var reply = new OverlayAccepted(command.Name, id, cidr.ToString(), nodePrefix, port, capacity);
        return Decision<OverlayAccepted>.Accept(reply, created, registered);
    }

    public static Decision<NodeAccepted> AddNode(
        PeerTable? overlay,
        AddNode command,
        Guid newNodeId,
        DateTimeOffset now)
    {
        if (FindOverlay<NodeAccepted>(overlay, command.Overlay) is { } missing)
        {
            return missing;
        }

        // The address: a unicast IPv4 address outside the overlay itself.
        if (!Ipv4Prefix.TryParseAddress(command.Address, out var address))
        {
            return Decision<NodeAccepted>.Reject(
                Rules.AddressInvalid,
                $"'{command.Address}' is not an IPv4 address; write it as four numbers, e.g. 192.0.2.12");
        }

        if (NotUnicastReason(address) is { } notUnicast)
        {
            return Decision<NodeAccepted>.Reject(
                Rules.AddressInvalid,
                $"{Ipv4Prefix.ToAddress(address)} is {notUnicast}; give the node's underlay address");
        }

        var cidr = Ipv4Prefix.Parse(overlay!.Cidr);
        if (cidr.Contains(address))
        {
            return Decision<NodeAccepted>.Reject(
                Rules.AddressInvalid,
                $"{Ipv4Prefix.ToAddress(address)} lies inside the overlay's own {cidr}; "
                + "give the node's underlay address");
        }

        // The same machine again: hand back the node it already is.
        var canonical = Ipv4Prefix.ToAddress(address).ToString();
        if (overlay.Nodes.FirstOrDefault(n => n.Address == canonical) is { } existing)
        {
            return Decision<NodeAccepted>.Accept(new NodeAccepted(
                overlay.Overlay, existing.Id, existing.Number, existing.Address, existing.Subnet, true));
        }

        // A number: the lowest free one, while there is room.
        var capacity = OverlayCapacity.Of(cidr, overlay.NodePrefixLength);
        if (overlay.Nodes.Count >= capacity)
        {
            return Decision<NodeAccepted>.Reject(
                Rules.OverlayFull,
                $"overlay '{overlay.Overlay}' is full: it holds {overlay.Nodes.Count} nodes, as many as "
                + $"{cidr} split into /{overlay.NodePrefixLength} subnets allows; remove a node "
                + "or create a larger overlay");
        }

        var number = (int)LowestFree(overlay.Nodes.Select(n => (uint)n.Number));
        var subnet = cidr.Subnet(overlay.NodePrefixLength, (ulong)number).ToString();
        var added = new NodeAdded(overlay.Overlay, newNodeId, number, canonical, subnet, now);
        var reply = new NodeAccepted(overlay.Overlay, newNodeId, number, canonical, subnet, false);
        return Decision<NodeAccepted>.Accept(reply, added);
    }

    public static Decision<NodeRemovalAccepted> RemoveNode(
        PeerTable? overlay,
        RemoveNode command,
        DateTimeOffset now)
    {
        if (FindOverlay<NodeRemovalAccepted>(overlay, command.Overlay) is { } missing)
        {
            return missing;
        }

        var node = FindNode(overlay!, command.Node);
        if (node is null)
        {
            return Decision<NodeRemovalAccepted>.Reject(
                Rules.NodeUnknown,
                $"overlay '{overlay!.Overlay}' has no node '{command.Node}' (give its number, id or "
                + $"address); see 'cups-and-string list nodes --overlay {overlay.Overlay}'");
        }

        var removed = new NodeRemoved(overlay!.Overlay, node.Id, node.Number, now);
        var reply = new NodeRemovalAccepted(overlay.Overlay, node.Id, node.Number, node.Address);
        return Decision<NodeRemovalAccepted>.Accept(reply, removed);
    }

    public static Decision<OverlayRemovalAccepted> RemoveOverlay(
        PeerTable? overlay,
        RemoveOverlay command,
        DateTimeOffset now)
    {
        if (FindOverlay<OverlayRemovalAccepted>(overlay, command.Overlay) is { } missing)
        {
            return missing;
        }

        var nodes = overlay!.Nodes.Count;
        if (nodes > 0 && !command.Force)
        {
            var holds = nodes == 1 ? "1 node" : $"{nodes} nodes";
            return Decision<OverlayRemovalAccepted>.Reject(
                Rules.OverlayHasNodes,
                $"overlay '{overlay.Overlay}' still has {holds}, whose agents would stop forwarding; "
                + $"remove them with 'cups-and-string remove node --overlay {overlay.Overlay} --node N', "
                + "or pass --force to remove the overlay with them");
        }

        var removed = new OverlayRemoved(
            overlay.Overlay,
            overlay.OverlayId,
            overlay.Cidr,
            overlay.NodePrefixLength,
            overlay.Port,
            nodes,
            now);
        var deregistered = new OverlayDeregistered(overlay.Overlay, overlay.OverlayId, overlay.Cidr, now);
        var reply = new OverlayRemovalAccepted(overlay.Overlay, overlay.OverlayId, overlay.Cidr, nodes);
        return Decision<OverlayRemovalAccepted>.Accept(reply, removed, deregistered);
    }

    /// <summary>A node by its number, its id or its underlay address; null when none matches.</summary>
    public static PeerNode? FindNode(PeerTable overlay, string? node)
    {
        if (string.IsNullOrWhiteSpace(node))
        {
            return null;
        }

        if (int.TryParse(node, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return overlay.Nodes.FirstOrDefault(n => n.Number == number);
        }

        if (Guid.TryParse(node, out var id))
        {
            return overlay.Nodes.FirstOrDefault(n => n.Id == id);
        }

        if (Ipv4Prefix.TryParseAddress(node, out var address))
        {
            var canonical = Ipv4Prefix.ToAddress(address).ToString();
            return overlay.Nodes.FirstOrDefault(n => n.Address == canonical);
        }

        return null;
    }

    private static Decision<TReply>? FindOverlay<TReply>(PeerTable? overlay, string? name)
        where TReply : class
    {
        if (Names.Validate(name) is { } nameProblem)
        {
            return Decision<TReply>.Reject(Rules.NameInvalid, $"overlay name: {nameProblem}");
        }

        if (overlay is null)
        {
            return Decision<TReply>.Reject(
                Rules.OverlayUnknown,
                $"there is no overlay named '{name}'; create it with 'cups-and-string create overlay {name}' "
                + "or see 'cups-and-string list overlays'");
        }

        return null;
    }

    private static string? NotUnicastReason(uint address) => (address >> 24) switch
    {
        0 => "in 0.0.0.0/8, which names no host",
        127 => "a loopback address, which other machines cannot reach",
        >= 224 and < 240 => "a multicast address",
        >= 240 => "a reserved or broadcast address",
        _ => null,
    };

    private static uint LowestFree(IEnumerable<uint> taken)
    {
        var used = taken.ToHashSet();
        var candidate = 1u;
        while (used.Contains(candidate))
        {
            candidate++;
        }

        return candidate;
    }
}
