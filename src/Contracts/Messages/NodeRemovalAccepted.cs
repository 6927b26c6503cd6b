namespace CupsAndString.Contracts.Messages;

/// <summary>The reply to <see cref="RemoveNode"/>: the node that left the overlay.</summary>
public sealed record NodeRemovalAccepted(string Overlay, Guid NodeId, int Number, string Address);
