namespace MomentoTokenVending.Infra.Planning;

/// <summary>Runs an external program to completion.</summary>
public interface IProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> (each passed as one argument, no shell).</summary>
    Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}

/// <summary>What a finished program returned.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Output">Its standard output and error, interleaved line by line as they arrived.</param>
public sealed record ProcessResult(int ExitCode, IReadOnlyList<string> Output);
