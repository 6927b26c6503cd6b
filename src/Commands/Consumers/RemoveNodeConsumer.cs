using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>Removes nodes, appending with the loaded version expected like every other command.</summary>
public sealed class RemoveNodeConsumer(
    IDocumentStore store,
    TimeProvider clock,
    ILogger<RemoveNodeConsumer> logger) : IConsumer<RemoveNode>
{
    public async Task Consume(ConsumeContext<RemoveNode> context)
    {
        var command = context.Message;
        var decision = await ConflictRetry.RunAsync(
            logger,
            StreamKeys.Overlay(command.Overlay ?? ""),
            nameof(RemoveNode),
            async cancellationToken =>
            {
                await using var session = store.LightweightSession();
                var (table, version) = await EventStreams.LoadOverlayAsync(session, command.Overlay,
                    cancellationToken);
                var decision = OverlayDecider.RemoveNode(table, command, clock.GetUtcNow());
                if (decision.IsRejected)
                {
                    return decision;
                }

                EventStreams.Append(session, StreamKeys.Overlay(command.Overlay!), version,
                    [.. decision.Events]);
                await session.SaveChangesAsync(cancellationToken);
                var removed = decision.Reply!;
                CommandLog.NodeRemoved(logger, removed.Number, removed.Address, removed.Overlay);
                return decision;
            },
            context.CancellationToken);

        await Replies.Send(context, decision, logger);
    }
}
