using System.Globalization;
using CupsAndString.Contracts;

namespace CupsAndString.Cli.Verbs;

/// <summary>The node table shared by <c>list nodes</c> and <c>show overlay</c>.</summary>
internal static class NodeTable
{
    public static void Write(TextWriter writer, PeerTable table)
    {
        if (table.Nodes.Count == 0)
        {
            writer.WriteLine(
                $"overlay {table.Overlay} has no nodes yet; add one with "
                + $"'cups-and-string create node --overlay {table.Overlay} --address IPV4'");
            return;
        }

        Output.Table(
            writer,
            ["NUMBER", "ADDRESS", "SUBNET", "ID"],
            table.Nodes.OrderBy(n => n.Number).Select(n => (IReadOnlyList<string>)
            [
                n.Number.ToString(CultureInfo.InvariantCulture),
                n.Address,
                n.Subnet,
                n.Id.ToString(),
            ]));
    }
}
