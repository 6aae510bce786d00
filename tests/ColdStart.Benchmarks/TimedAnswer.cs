namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>One answer line and when it arrived, counted from just before the process started.</summary>
internal sealed record TimedAnswer(TimeSpan Elapsed, string Line);
