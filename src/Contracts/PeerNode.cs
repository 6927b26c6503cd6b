namespace CupsAndString.Contracts;

/// <summary>One node of an overlay as every agent sees it.</summary>
/// <param name="Number">The node number, 1 upwards; node N owns the Nth subnet of the overlay.</param>
/// <param name="Id">The id generated when the node was added; stable across address changes.</param>
/// <param name="Address">The node's underlay IPv4 address, where its agent listens.</param>
/// <param name="Subnet">The node's container subnet in CIDR form, e.g. 10.10.3.0/24.</param>
public sealed record PeerNode(int Number, Guid Id, string Address, string Subnet);
