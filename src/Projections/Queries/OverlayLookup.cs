using CupsAndString.Contracts;
using CupsAndString.Contracts.Events;
using CupsAndString.Contracts.Messages;
using CupsAndString.Projections.PeerTables;
using Marten;

namespace CupsAndString.Projections.Queries;

/// <summary>Finds an overlay's projected table, or the rejection that explains why there is none.</summary>
internal static class OverlayLookup
{
    public static async Task<(PeerTable? Table, CommandRejected? Rejection)> FindAsync(
        IQuerySession session,
        string? name,
        CancellationToken cancellationToken)
    {
        if (Names.Validate(name) is { } problem)
        {
            return (null, new CommandRejected(QueryRules.NameInvalid, $"overlay name: {problem}"));
        }

        var view = await session.LoadAsync<PeerTableView>(StreamKeys.Overlay(name!), cancellationToken);
        return view is null
            ? (null, new CommandRejected(
                QueryRules.OverlayUnknown,
                $"there is no overlay named '{name}'; see 'cups-and-string list overlays'"))
            : (view.Table, null);
    }
}
