using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Keeps every formatted log line, so tests can assert what an operator would read.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
