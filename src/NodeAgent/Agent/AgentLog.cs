using System.Net;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Agent;

/// <summary>The agent runtime's log messages.</summary>
internal sealed partial class AgentLog(ILogger logger)
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "Agent of overlay {Overlay} up: TUN {Tun}, MTU {Mtu}, subnet {Subnet}, "
            + "endpoint {Endpoint}, {Peers} peers, table version {Version}")]
    public partial void Started(
        string overlay, string tun, int mtu, string subnet, IPEndPoint endpoint, int peers, long version);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Applied version {Version} of overlay {Overlay}: {Peers} peers")]
    public partial void Applied(string overlay, long version, int peers);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning,
        Message = "Version {Version} of overlay {Overlay} has no entry for {Node}; "
            + "waiting for the next table")]
    public partial void LocalNodeMissing(string overlay, long version, string node);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning,
        Message = "Ignoring a peer table for overlay {Other}; this agent serves {Overlay}")]
    public partial void OtherOverlay(string other, string overlay);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning,
        Message = "Ignoring version {Version} of overlay {Overlay}: {Problem}")]
    public partial void BadTable(string overlay, long version, string problem);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning,
        Message = "Failed to re-apply the kernel state of overlay {Overlay}; trying again in {Interval}")]
    public partial void ReconcileFailed(string overlay, TimeSpan interval, Exception exception);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information,
        Message = "Endpoint of overlay {Overlay} moved from {Old} to {New}; restarting the forwarder")]
    public partial void EndpointMoved(string overlay, IPEndPoint old, IPEndPoint @new);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information,
        Message = "Stopping the agent of overlay {Overlay}: {Reason}")]
    public partial void Stopping(string overlay, string reason);

    [LoggerMessage(EventId = 208, Level = LogLevel.Information,
        Message = "Removed the kernel state of overlay {Overlay} (TUN {Tun})")]
    public partial void Removed(string overlay, string tun);

    [LoggerMessage(EventId = 209, Level = LogLevel.Error,
        Message = "Failed to remove the kernel state of overlay {Overlay}")]
    public partial void RemoveFailed(string overlay, Exception exception);

    [LoggerMessage(EventId = 210, Level = LogLevel.Warning,
        Message = "{Node} left overlay {Overlay} in version {Version}; forwarding stopped until it is back")]
    public partial void LocalNodeRemoved(string overlay, long version, string node);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning,
        Message = "Docker's bridge for overlay {Overlay} was not configured, forwarding goes on: {Problem}")]
    public partial void DockerFailed(string overlay, string problem);

    [LoggerMessage(EventId = 212, Level = LogLevel.Warning,
        Message = "Failed to write the status file {Path}: {Problem}; forwarding goes on")]
    public partial void StatusWriteFailed(string path, string problem);
}
