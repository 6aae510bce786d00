using Amazon.Lambda.Core;
using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Logging;
// Amazon.Lambda.Core has its own LogLevel (net6.0+ targets); this adapter speaks Microsoft's.
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace MomentoTokenVending.Lambda;

/// <summary>
/// Core's <see cref="ILogger"/> over Lambda's logger for one invocation. Message templates and their
/// arguments are passed through, so a function with the JSON log format gets them as structured fields.
/// </summary>
public sealed class LambdaLoggerAdapter : ILogger
{
    private readonly ILambdaLogger logger;

    public LambdaLoggerAdapter(ILambdaLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    // Only the information, warning and error methods of ILambdaLogger are used, so trace and debug are off.
    public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Information and < LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var (template, args) = LogTemplate.Split(state, formatter(state, exception));
        switch (logLevel)
        {
            case LogLevel.Information when exception is null:
                logger.LogInformation(template, args);
                break;
            case LogLevel.Information:
                logger.LogInformation(exception, template, args);
                break;
            case LogLevel.Warning when exception is null:
                logger.LogWarning(template, args);
                break;
            case LogLevel.Warning:
                logger.LogWarning(exception, template, args);
                break;
            case LogLevel.Error or LogLevel.Critical when exception is null:
                logger.LogError(template, args);
                break;
            case LogLevel.Error or LogLevel.Critical:
                logger.LogError(exception, template, args);
                break;
        }
    }
}
