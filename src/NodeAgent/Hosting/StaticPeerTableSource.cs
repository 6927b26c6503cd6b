using System.Runtime.CompilerServices;
using CupsAndString.Contracts;

namespace CupsAndString.NodeAgent.Hosting;

/// <summary>
/// A peer table from a file (<c>agent --peers FILE</c>): read and validated once when created, so
/// a bad file is refused with one sentence before the agent touches the kernel. The agent keeps
/// forwarding from it until it is stopped.
/// </summary>
public sealed class StaticPeerTableSource : IPeerTableSource
{
    private StaticPeerTableSource(string path, PeerTable table)
    {
        Path = path;
        Table = table;
    }

    public string Path { get; }

    public PeerTable Table { get; }

    /// <summary>Reads the file; throws <see cref="InvalidDataException"/> naming file and problem.</summary>
    public static StaticPeerTableSource Load(string path) => new(path, PeerTableFile.Read(path));

    public async IAsyncEnumerable<PeerTable> FollowAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Table;
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
