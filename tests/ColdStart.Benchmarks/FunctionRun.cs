namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// One process: when it said it was ready (its init done), what it answered in order, the CPU time it used (user and
/// system, all threads), and what it wrote to stderr.
/// </summary>
internal sealed record FunctionRun(TimeSpan Ready, IReadOnlyList<TimedAnswer> Answers, TimeSpan CpuTime, string Log);
