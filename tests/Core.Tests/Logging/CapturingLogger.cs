using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Logging;

namespace MomentoTokenVending.Core.Tests.Logging;

/// <summary>Records every log call: level, event id, formatted message, template and arguments.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var (template, args) = LogTemplate.Split(state, message);
        entries.Enqueue(new LogEntry(logLevel, eventId, message, template, args, exception));
    }
}

public sealed record LogEntry(LogLevel Level, EventId EventId, string Message, string Template, object[] Args, Exception? Exception)
{
    /// <summary>Everything this entry would put in a log: message, template, arguments and exception text.</summary>
    public string AllText =>
        string.Join("\n", [Message, Template, .. Args.Select(a => a.ToString() ?? string.Empty), Exception?.ToString() ?? string.Empty]);
}
