using Microsoft.Extensions.Logging;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>Keeps every formatted log line, with its exception's message, for leak checks.</summary>
internal sealed class CapturingLogger : ILogger
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Lines.Add($"{logLevel}: {formatter(state, exception)} {exception?.ToString()}");
        if (state is IEnumerable<KeyValuePair<string, object?>> properties)
        {
            Lines.AddRange(properties.Select(p => $"{p.Key}={p.Value}"));
        }
    }
}
