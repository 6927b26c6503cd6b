using CupsAndString.Commands.Deciding;
using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using Marten;

namespace CupsAndString.Commands.Consumers;

/// <summary>Loads a stream's state with its version, and appends with that version expected.</summary>
internal static class EventStreams
{
    public static async Task<(PeerTable? Table, long Version)> LoadOverlayAsync(
        IDocumentSession session,
        string? name,
        CancellationToken cancellationToken)
    {
        if (!Names.IsValid(name))
        {
            return (null, 0);
        }

        var events = await session.Events.FetchStreamAsync(StreamKeys.Overlay(name!),
            token: cancellationToken);
        PeerTable? table = null;
        foreach (var e in events)
        {
            table = PeerTableEvolution.Apply(table, e.Data, e.Version);
        }

        return (table, events.Count == 0 ? 0 : events[^1].Version);
    }

    public static async Task<(OverlayRegistry Registry, long Version)> LoadRegistryAsync(
        IDocumentSession session,
        CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(StreamKeys.Registry, token: cancellationToken);
        var registry = events.Aggregate(OverlayRegistry.Empty, (state, e) => state.Apply(e.Data));
        return (registry, events.Count == 0 ? 0 : events[^1].Version);
    }

    /// <summary>
    /// Queues the events so that SaveChanges fails with a concurrency error unless the stream is
    /// still at <paramref name="loadedVersion"/> (0: the stream must not exist yet).
    /// </summary>
    public static void Append(IDocumentSession session, string stream, long loadedVersion,
        params object[] events)
    {
        if (loadedVersion == 0)
        {
            session.Events.StartStream(stream, events);
        }
        else
        {
            session.Events.Append(stream, loadedVersion + events.Length, events);
        }
    }
}
