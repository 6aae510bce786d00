namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// One fresh process, timed from just before its start: to its init's end (the function constructed, the handler ready), to
/// its first 200 (a mint) and to its second (the same caller again, a warm repeat); the CPU time it used for all of that;
/// and the Momento calls it made.
/// </summary>
internal sealed record ColdStart(TimeSpan Ready, TimeSpan FirstAnswer, TimeSpan SecondAnswer, TimeSpan CpuTime, int MomentoCalls)
{
    /// <summary>The warm repeat alone.</summary>
    public TimeSpan Repeat => SecondAnswer - FirstAnswer;
}
