namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// How to reach the broker. Prefix goes in front of every exchange and queue name, so that
/// several control planes (or test runs) can share one broker without seeing each other.
/// StartTimeout bounds how long starting a bus may take before the broker is reported unavailable
/// (default <see cref="ControlPlaneBus.DefaultStartTimeout"/>).
/// </summary>
public sealed record BusSettings(BrokerAddress Broker, string Prefix = "", TimeSpan? StartTimeout = null);
