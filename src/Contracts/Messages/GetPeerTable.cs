namespace CupsAndString.Contracts.Messages;

/// <summary>Asks for the current peer table of an overlay (the agents' snapshot).</summary>
public sealed record GetPeerTable(string Overlay);
