using CupsAndString.Commands.Deciding;
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
        var decision = await OverlayStreamCommand.RunAsync(
            store,
            logger,
            command.Overlay,
            nameof(RemoveNode),
            table => OverlayDecider.RemoveNode(table, command, clock.GetUtcNow()),
            removed => CommandLog.NodeRemoved(logger, removed.Number, removed.Address, removed.Overlay),
            context.CancellationToken);

        await Replies.Send(context, decision, logger);
    }
}
