using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CupsAndString.Tests.Shared;

/// <summary>
/// Keeps every log line (level and text) so tests can count and read them, also while the code
/// under test is still logging from another thread.
/// </summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}
