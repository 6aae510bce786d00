using Amazon.Lambda.Core;

namespace MomentoTokenVending.ColdStart.Host;

/// <summary>Lambda's logger as the runtime hands it to the handler, one entry a line on stderr (the function's log here).</summary>
internal sealed class StderrLambdaLogger : ILambdaLogger
{
    public void Log(string message) => Console.Error.Write(message);

    public void LogLine(string message) => Console.Error.WriteLine(message);

    // Amazon.Lambda.Core's default body of these two calls itself; Lambda's runtime implements them, and so must a host.
    public void Log(string level, string message, params object[] args) =>
        Console.Error.WriteLine(Entry(level, message, args));

    public void Log(string level, Exception exception, string message, params object[] args) =>
        Console.Error.WriteLine($"{Entry(level, message, args)}{Environment.NewLine}{exception}");

    private static string Entry(string level, string message, object[] args) =>
        args.Length == 0 ? $"[{level}] {message}" : $"[{level}] {message} | {string.Join(" | ", args)}";
}
