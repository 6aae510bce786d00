using System.Collections.Concurrent;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// Runs at most one piece of work per key at a time in this container; callers that arrive while it
/// runs share its result.
/// </summary>
internal sealed class SingleFlight<TResult>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TResult>>> flights = new(StringComparer.Ordinal);

    /// <summary>Flights under way; zero when idle.</summary>
    public int InFlight => flights.Count;

    /// <summary>
    /// Joins the flight for <paramref name="key"/>, starting <paramref name="work"/> if there is none.
    /// No single caller cancels the shared work; <paramref name="cancellationToken"/> only ends this caller's wait.
    /// </summary>
    public Task<TResult> RunAsync<TState>(string key, TState state, Func<TState, Task<TResult>> work, CancellationToken cancellationToken)
    {
        var candidate = new Lazy<Task<TResult>>(() => InvokeAsync(work, state), LazyThreadSafetyMode.ExecutionAndPublication);
        var flight = flights.GetOrAdd(key, candidate);
        if (ReferenceEquals(flight, candidate))
        {
            _ = LandAsync(key, candidate);
        }

        return flight.Value.WaitAsync(cancellationToken);
    }

    // A work delegate that throws before its first await still yields a faulted task, never a throwing Lazy.
    private static async Task<TResult> InvokeAsync<TState>(Func<TState, Task<TResult>> work, TState state) => await work(state);

    private async Task LandAsync(string key, Lazy<Task<TResult>> flight)
    {
        try
        {
            // The callers observe the outcome; this only waits for it to exist.
            await ((Task)flight.Value).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            flights.TryRemove(new KeyValuePair<string, Lazy<Task<TResult>>>(key, flight));
        }
    }
}
