using System.Threading.Channels;
using CupsAndString.Contracts;
using CupsAndString.NodeAgent.Hosting;

namespace CupsAndString.NodeAgent.Tests.Agent;

/// <summary>A peer-table source the test feeds by hand.</summary>
public sealed class ChannelPeerTableSource : IPeerTableSource
{
    private readonly Channel<PeerTable> _tables = Channel.CreateUnbounded<PeerTable>();

    public void Publish(PeerTable table) => _tables.Writer.TryWrite(table);

    public IAsyncEnumerable<PeerTable> FollowAsync(CancellationToken cancellationToken) =>
        _tables.Reader.ReadAllAsync(cancellationToken);
}
