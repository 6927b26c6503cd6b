using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Hosting;

/// <summary>
/// Where an agent's peer tables come from: a static file (<c>agent --peers FILE</c>) or the
/// control plane (snapshot, then versioned updates, with a cache on disk for when the broker is
/// down). The agent applies every table it yields; a source never yields a table older than one
/// it yielded before.
/// </summary>
public interface IPeerTableSource
{
    IAsyncEnumerable<PeerTable> FollowAsync(CancellationToken cancellationToken);
}
