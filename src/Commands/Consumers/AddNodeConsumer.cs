using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>
/// Adds nodes. The overlay stream is appended with the version it was loaded at, so two nodes
/// added at the same instant cannot take one number: the second append fails, and that command
/// reloads the stream and takes the next free number.
/// </summary>
public sealed class AddNodeConsumer(
    IDocumentStore store,
    TimeProvider clock,
    ILogger<AddNodeConsumer> logger) : IConsumer<AddNode>
{
    public async Task Consume(ConsumeContext<AddNode> context)
    {
        var command = context.Message;
        var decision = await ConflictRetry.RunAsync(
            logger,
            StreamKeys.Overlay(command.Overlay ?? ""),
            nameof(AddNode),
            async cancellationToken =>
            {
                await using var session = store.LightweightSession();
                var (table, version) = await EventStreams.LoadOverlayAsync(session, command.Overlay,
                    cancellationToken);
                var decision = OverlayDecider.AddNode(table, command, Guid.NewGuid(), clock.GetUtcNow());
                if (decision.Events.Count == 0)
                {
                    return decision;
                }

                EventStreams.Append(session, StreamKeys.Overlay(command.Overlay!), version,
                    [.. decision.Events]);
                await session.SaveChangesAsync(cancellationToken);
                var added = decision.Reply!;
                CommandLog.NodeAdded(logger, added.Number, added.Address, added.Overlay, added.Subnet);
                return decision;
            },
            context.CancellationToken);

        await Replies.Send(context, decision, logger);
    }
}
