namespace CupsAndString.Contracts.Messages;

/// <summary>Asks for a node with the given underlay address to join an overlay.</summary>
public sealed record AddNode(string Overlay, string Address);
