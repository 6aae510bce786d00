using System.Diagnostics.CodeAnalysis;

namespace MomentoTokenVending.Core.Logging;

/// <summary>
/// Turns the state of a <see cref="Microsoft.Extensions.Logging.ILogger"/> call into a message template
/// and its arguments, for loggers (such as Lambda's) that take templates themselves.
/// </summary>
public static class LogTemplate
{
    /// <summary>The state entry that holds the template in <c>LoggerMessage</c> and <c>LogInformation(...)</c> calls.</summary>
    public const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>The template used for a state that has none: the formatted message as its one argument.</summary>
    public const string MessageOnlyTemplate = "{Message}";

    private const string NullText = "(null)";

    /// <summary>
    /// The template and arguments of <paramref name="state"/> when it carries <see cref="OriginalFormatKey"/>;
    /// otherwise <see cref="MessageOnlyTemplate"/> with <paramref name="formattedMessage"/>, so braces in a plain
    /// message are never read as placeholders. Null arguments become <c>(null)</c>.
    /// </summary>
    public static (string Template, object[] Args) Split<TState>(TState state, string formattedMessage)
    {
        ArgumentNullException.ThrowIfNull(formattedMessage);
        if (!TryGetTemplate(state, out var template, out var values))
        {
            return (MessageOnlyTemplate, [formattedMessage]);
        }

        var args = new List<object>(values.Count);
        foreach (var (key, value) in values)
        {
            if (!string.Equals(key, OriginalFormatKey, StringComparison.Ordinal))
            {
                args.Add(value ?? NullText);
            }
        }

        return (template, args.ToArray());
    }

    private static bool TryGetTemplate<TState>(
        TState state,
        [NotNullWhen(true)] out string? template,
        [NotNullWhen(true)] out IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        template = null;
        values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        if (values is null)
        {
            return false;
        }

        foreach (var (key, value) in values)
        {
            if (string.Equals(key, OriginalFormatKey, StringComparison.Ordinal) && value is string text)
            {
                template = text;
                return true;
            }
        }

        values = null;
        return false;
    }
}
