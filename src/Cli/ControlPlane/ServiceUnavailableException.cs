namespace CupsAndString.Cli.ControlPlane;

/// <summary>
/// The broker or the database could not be reached; the message says which, where and what to do.
/// </summary>
public sealed class ServiceUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
