using System.Globalization;

namespace MomentoTokenVending.Infra.Planning;

/// <summary><c>dotnet publish</c> failed for a function; the message carries dotnet's own error lines.</summary>
public sealed class FunctionBuildException : Exception
{
    private const int MaxLinesShown = 50;

    /// <summary>Creates the error from the failed run's exit code and output.</summary>
    public FunctionBuildException(string functionName, int exitCode, IReadOnlyList<string> output)
        : base(Describe(functionName, exitCode, output))
    {
        FunctionName = functionName;
        ExitCode = exitCode;
    }

    /// <summary>The function that did not build.</summary>
    public string FunctionName { get; }

    /// <summary>dotnet's exit code.</summary>
    public int ExitCode { get; }

    // dotnet prints each error twice (as it happens and in the summary); the distinct error lines say it all,
    // and when there are none (a crash, a missing SDK) the tail of the output does.
    private static string Describe(string functionName, int exitCode, IReadOnlyList<string> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errors = output.Where(line => line.Contains(": error ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var shown = (errors.Count > 0 ? errors : output.TakeLast(MaxLinesShown).ToList()).Take(MaxLinesShown);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"dotnet publish of {functionName} failed with exit code {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}");
    }
}
