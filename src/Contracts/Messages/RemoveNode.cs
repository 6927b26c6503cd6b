namespace CupsAndString.Contracts.Messages;

/// <summary>
/// Asks for a node to leave an overlay. Node is its number, its id or its underlay address.
/// </summary>
public sealed record RemoveNode(string Overlay, string Node);
