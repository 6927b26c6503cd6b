using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>
/// Removes overlays. Like a create, it changes two streams in one transaction, each appended with
/// the version it was loaded at: <see cref="OverlayRemoved"/> ends the overlay's stream (so a node
/// added meanwhile makes this attempt, or the add, decide again) and
/// <see cref="OverlayDeregistered"/> frees the name, id and CIDR in the registry (so a create
/// racing with the removal sees either the overlay or its absence, never half of it).
/// </summary>
public sealed class RemoveOverlayConsumer(
    IDocumentStore store,
    TimeProvider clock,
    ILogger<RemoveOverlayConsumer> logger) : IConsumer<RemoveOverlay>
{
    public async Task Consume(ConsumeContext<RemoveOverlay> context)
    {
        var command = context.Message;
        var decision = await ConflictRetry.RunAsync(
            logger,
            StreamKeys.Overlay(command.Overlay ?? ""),
            nameof(RemoveOverlay),
            async cancellationToken =>
            {
                await using var session = store.LightweightSession();
                var (_, registryVersion) = await EventStreams.LoadRegistryAsync(session, cancellationToken);
                var (table, version) = await EventStreams.LoadOverlayAsync(
                    session, command.Overlay, cancellationToken);
                var decision = OverlayDecider.RemoveOverlay(table, command, clock.GetUtcNow());
                if (decision.IsRejected)
                {
                    return decision;
                }

                var removed = decision.Events.OfType<OverlayRemoved>().Single();
                var deregistered = decision.Events.OfType<OverlayDeregistered>().Single();
                EventStreams.Append(session, StreamKeys.Overlay(removed.Name), version, removed);
                EventStreams.Append(session, StreamKeys.Registry, registryVersion, deregistered);
                await session.SaveChangesAsync(cancellationToken);
                CommandLog.OverlayRemoved(logger, removed.Name, removed.OverlayId, removed.Cidr,
                    removed.NodesRemoved);
                return decision;
            },
            context.CancellationToken);

        await Replies.Send(context, decision, logger);
    }
}
