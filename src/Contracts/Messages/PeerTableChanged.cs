namespace CupsAndString.Contracts.Messages;

/// <summary>Published whenever an overlay's peer table changes, and again after a replay.</summary>
public sealed record PeerTableChanged(PeerTable Table);
