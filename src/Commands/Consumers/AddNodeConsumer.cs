using CupsAndString.Commands.Deciding;
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
        var decision = await OverlayStreamCommand.RunAsync(
            store,
            logger,
            command.Overlay,
            nameof(AddNode),
            table => OverlayDecider.AddNode(table, command, Guid.NewGuid(), clock.GetUtcNow()),
            added => CommandLog.NodeAdded(logger, added.Number, added.Address, added.Overlay, added.Subnet),
            context.CancellationToken);

        await Replies.Send(context, decision, logger);
    }
}
