using CupsAndString.Contracts;
using CupsAndString.Contracts.Messages;
using CupsAndString.Projections.PeerTables;
using Marten;
using MassTransit;

namespace CupsAndString.Projections.Queries;

/// <summary>Answers <see cref="ListOverlays"/> from the projected peer tables.</summary>
public sealed class ListOverlaysConsumer(IDocumentStore store) : IConsumer<ListOverlays>
{
    public async Task Consume(ConsumeContext<ListOverlays> context)
    {
        await using var session = store.QuerySession();
        var views = await session.Query<PeerTableView>().ToListAsync(context.CancellationToken);
        var overlays = views
            .Select(v => v.Table)
            .OrderBy(t => t.Overlay, StringComparer.Ordinal)
            .Select(Summarise)
            .ToList();
        await context.RespondAsync(new OverlayList(overlays));
    }

    public static OverlaySummary Summarise(PeerTable table) => new(
        table.Overlay,
        table.OverlayId,
        table.Cidr,
        table.NodePrefixLength,
        table.Port,
        table.Nodes.Count,
        OverlayCapacity.Of(Ipv4Prefix.Parse(table.Cidr), table.NodePrefixLength),
        table.Version);
}
