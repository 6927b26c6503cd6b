namespace CupsAndString.Contracts.Messages;

/// <summary>The reply to <see cref="GetPeerTable"/>.</summary>
public sealed record PeerTableSnapshot(PeerTable Table);
