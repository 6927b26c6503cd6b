using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using Marten;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Commands.Consumers;

/// <summary>
/// The path of every command that changes one overlay's stream: load the overlay with its version,
/// decide, and append the events expecting that version; when another writer appended first, the
/// whole attempt runs again through <see cref="ConflictRetry"/>.
/// </summary>
internal static class OverlayStreamCommand
{
    /// <summary>
    /// The decision, after its events (if any) are saved and <paramref name="saved"/> has been told;
    /// null when every attempt ran into a conflict.
    /// </summary>
    public static Task<Decision<TReply>?> RunAsync<TReply>(
        IDocumentStore store,
        ILogger logger,
        string? overlay,
        string command,
        Func<PeerTable?, Decision<TReply>> decide,
        Action<TReply> saved,
        CancellationToken cancellationToken)
        where TReply : class =>
        ConflictRetry.RunAsync(
            logger,
            StreamKeys.Overlay(overlay ?? ""),
            command,
            async attemptToken =>
            {
                await using var session = store.LightweightSession();
                var (table, version) = await EventStreams.LoadOverlayAsync(session, overlay, attemptToken);
                var decision = decide(table);
                if (decision.Events.Count == 0)
                {
                    return decision;
                }

                EventStreams.Append(session, StreamKeys.Overlay(overlay!), version, [.. decision.Events]);
                await session.SaveChangesAsync(attemptToken);
                saved(decision.Reply!);
                return decision;
            },
            cancellationToken);
}
