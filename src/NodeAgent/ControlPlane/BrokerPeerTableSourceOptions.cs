namespace CupsAndString.NodeAgent.ControlPlane;

/// <summary>Timing of a <see cref="BrokerPeerTableSource"/>.</summary>
public sealed record BrokerPeerTableSourceOptions
{
    /// <summary>How long one snapshot request waits for the controller's answer.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for a first table before falling back to the cached one.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
