namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// How to reach the broker. Prefix goes in front of every exchange and queue name, so that
/// several control planes (or test runs) can share one broker without seeing each other.
/// </summary>
public sealed record BusSettings(BrokerAddress Broker, string Prefix = "");
