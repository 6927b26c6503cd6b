using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>
/// Creates overlays. Uniqueness of names, ids and address ranges rests on the registry stream:
/// each create reads the registry at some version, decides against it, and in one transaction
/// starts the overlay's stream and appends to the registry expecting that same version. Two
/// concurrent creates therefore cannot both commit; the loser reloads the registry, now seeing the
/// winner, and decides again (a taken name or an overlap is then rejected). The overlay's stream is
/// appended with its loaded version expected too: new for a name never used, or the version of a
/// removed overlay's last event for a name used before.
/// </summary>
public sealed class CreateOverlayConsumer(
    IDocumentStore store,
    TimeProvider clock,
    ILogger<CreateOverlayConsumer> logger) : IConsumer<CreateOverlay>
{
    public async Task Consume(ConsumeContext<CreateOverlay> context)
    {
        var command = context.Message;
        var decision = await ConflictRetry.RunAsync(
            logger,
            StreamKeys.Registry,
            nameof(CreateOverlay),
            async cancellationToken =>
            {
                await using var session = store.LightweightSession();
                var (registry, version) = await EventStreams.LoadRegistryAsync(session, cancellationToken);
                var decision = OverlayDecider.CreateOverlay(registry, command, clock.GetUtcNow());
                if (decision.IsRejected)
                {
                    return decision;
                }

                var created = decision.Events.OfType<OverlayCreated>().Single();
                var registered = decision.Events.OfType<OverlayRegistered>().Single();
                // A name used before continues its old stream, after that overlay's removal.
                var (_, overlayVersion) = await EventStreams.LoadOverlayAsync(
                    session, created.Name, cancellationToken);
                EventStreams.Append(session, StreamKeys.Overlay(created.Name), overlayVersion, created);
                EventStreams.Append(session, StreamKeys.Registry, version, registered);
                await session.SaveChangesAsync(cancellationToken);
                CommandLog.OverlayCreated(
                    logger,
                    created.Name,
                    created.OverlayId,
                    created.Cidr,
                    created.NodePrefixLength,
                    created.Port);
                return decision;
            },
            context.CancellationToken);

        await Replies.Send(context, decision, logger);
    }
}
