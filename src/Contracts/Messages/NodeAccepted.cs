namespace CupsAndString.Contracts.Messages;

/// <summary>
/// The reply to <see cref="AddNode"/>. AlreadyMember is true when the address was already a node
/// of the overlay: that node is returned and nothing changed.
/// </summary>
public sealed record NodeAccepted(
    string Overlay,
    Guid NodeId,
    int Number,
    string Address,
    string Subnet,
    bool AlreadyMember);
