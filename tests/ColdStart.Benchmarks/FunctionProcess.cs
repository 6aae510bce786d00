using System.Diagnostics;
using System.Globalization;
using System.Text;
using MomentoTokenVending.ColdStart.Host;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// One fresh process of a runtime under test: started with only the given environment (and PATH, HOME), handed its
/// events on stdin at once; its ready line and each answer line on stdout are timed from just before it was started, and
/// its last line gives the CPU time it used.
/// </summary>
internal static class FunctionProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="runtime"/> until it has answered every event and exited; throws an
    /// <see cref="InvalidOperationException"/> with its log when it stops short, exits non-zero or takes over 60 s.
    /// </summary>
    public static async Task<FunctionRun> RunAsync(IFunctionRuntime runtime, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> events)
    {
        var start = runtime.StartInfo();
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        start.Environment.Clear();
        foreach (var inherited in new[] { "PATH", "HOME", "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(inherited) is { } value)
            {
                start.Environment[inherited] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StringBuilder();
        using var limit = new CancellationTokenSource(Limit);
        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{runtime.Name} did not start.");
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string problem;
        try
        {
            foreach (var item in events)
            {
                await process.StandardInput.WriteLineAsync(item);
            }

            process.StandardInput.Close();
            var said = await process.StandardOutput.ReadLineAsync(limit.Token);
            var ready = Stopwatch.GetElapsedTime(began);
            var answers = new List<TimedAnswer>();
            while (said == HostEnvironment.ReadyLine && answers.Count < events.Count && await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
            {
                answers.Add(new TimedAnswer(Stopwatch.GetElapsedTime(began), line));
            }

            var last = await process.StandardOutput.ReadLineAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            if (said == HostEnvironment.ReadyLine && answers.Count == events.Count && process.ExitCode == 0 && CpuTime(last) is { } cpu)
            {
                return new FunctionRun(ready, answers, cpu, Log(log));
            }

            problem = said != HostEnvironment.ReadyLine ? $"exited with {process.ExitCode} before it said {HostEnvironment.ReadyLine}"
                : answers.Count < events.Count ? $"answered {answers.Count} of {events.Count} events and exited with {process.ExitCode}"
                : $"exited with {process.ExitCode} after its answers, its last line not {HostEnvironment.CpuPrefix}<ms>";
        }
        catch (OperationCanceledException)
        {
            problem = $"did not answer and exit within {Limit.TotalSeconds} s";
        }
        catch (IOException e)
        {
            // Its stdin closed early: it stopped before reading its events.
            problem = $"stopped early ({e.Message})";
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // Waits for the rest of its stderr too.
        process.WaitForExit();
        throw new InvalidOperationException($"{runtime.Name} {problem}. Its log:{Environment.NewLine}{Log(log)}");
    }

    private static TimeSpan? CpuTime(string? line) =>
        line is not null && line.StartsWith(HostEnvironment.CpuPrefix, StringComparison.Ordinal)
            && double.TryParse(line.AsSpan(HostEnvironment.CpuPrefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    private static string Log(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
