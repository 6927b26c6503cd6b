using CupsAndString.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace CupsAndString.NodeAgent.Tests.Support;

/// <summary>Keeps every formatted log line, so tests can assert what an operator would read.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly CollectingLogger<ListLoggerProvider> _logger = new();

    /// <summary>Every line so far as "Level: text", from every category.</summary>
    public IEnumerable<string> Lines => _logger.Lines.Select(l => $"{l.Level}: {l.Message}");

    public ILogger CreateLogger(string categoryName) => _logger;

    public void Dispose()
    {
    }
}
