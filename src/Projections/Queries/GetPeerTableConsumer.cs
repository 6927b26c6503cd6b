using CupsAndString.Contracts.Messages;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Projections.Queries;

/// <summary>
/// Answers snapshot requests (agents, <c>list nodes</c>, <c>show overlay</c>) from the projection.
/// </summary>
public sealed class GetPeerTableConsumer(IDocumentStore store, ILogger<GetPeerTableConsumer> logger)
    : IConsumer<GetPeerTable>
{
    public async Task Consume(ConsumeContext<GetPeerTable> context)
    {
        await using var session = store.QuerySession();
        var (table, rejection) = await OverlayLookup.FindAsync(
            session, context.Message.Overlay, context.CancellationToken);
        if (rejection is not null)
        {
            ProjectionLog.Rejected(logger, nameof(GetPeerTable), rejection.Rule, rejection.Reason);
            await context.RespondAsync(rejection);
            return;
        }

        await context.RespondAsync(new PeerTableSnapshot(table!));
    }
}
