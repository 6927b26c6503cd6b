using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>
/// How an agent recognises its own node in a peer table: by number, id or underlay address.
/// </summary>
public sealed record LocalNodeSelector(int? Number, Guid? Id, string? Address)
{
    public static LocalNodeSelector ByNumber(int number) => new(number, null, null);

    public static LocalNodeSelector ById(Guid id) => new(null, id, null);

    public static LocalNodeSelector ByAddress(string address) => new(null, null, address);

    public PeerNode? Find(PeerTable table) =>
        table.Nodes.FirstOrDefault(node =>
            (Number is { } number && node.Number == number)
            || (Id is { } id && node.Id == id)
            || (Address is { } address && node.Address == address));

    public override string ToString() =>
        Number is { } n ? $"node {n}" : Id is { } id ? $"node {id}" : $"the node at {Address}";
}
