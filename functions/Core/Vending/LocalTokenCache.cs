using System.Collections.Concurrent;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// The tokens this container has handed out, by caller key, kept in memory while they stay reusable, so that a
/// repeat request is answered with no network call. An entry is dropped once its token enters the reuse window. At
/// most <c>capacity</c> entries: a full cache first drops every entry inside the window, and takes no new entry while
/// none has left (those callers are served by the shared token cache, as without this one). Lookups take no lock;
/// writes, which only follow a network call, take one, so the bound holds under concurrency.
/// </summary>
internal sealed class LocalTokenCache
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly int capacity;
    private readonly TimeSpan reuseWindow;
    private readonly TimeProvider time;

    // No entry's token enters the reuse window before this instant, so a full cache cannot drop anything until then.
    private DateTimeOffset earliestReusableUntil = DateTimeOffset.MaxValue;

    public LocalTokenCache(int capacity, TimeSpan reuseWindow, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        this.capacity = capacity;
        this.reuseWindow = reuseWindow;
        this.time = time;
    }

    /// <summary>Entries held now.</summary>
    public int Count => entries.Count;

    /// <summary>
    /// The answer already handed to <paramref name="callerKey"/> while its token still has the reuse window left
    /// (exactly the window left counts), otherwise <see langword="null"/>. The task is complete and shared.
    /// </summary>
    public Task<VendResult>? TryGet(string callerKey)
    {
        if (!entries.TryGetValue(callerKey, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() <= entry.ReusableUntil)
        {
            return entry.Answer;
        }

        // Only this entry: one stored meanwhile for the same caller stays.
        entries.TryRemove(KeyValuePair.Create(callerKey, entry));
        return null;
    }

    /// <summary>
    /// Keeps <paramref name="token"/>, just handed to <paramref name="callerKey"/>, while it stays reusable and there
    /// is room; a token already inside the window replaces nothing but still drops the caller's older entry.
    /// </summary>
    public void Remember(string callerKey, VendedToken token)
    {
        if (capacity == 0)
        {
            return;
        }

        var reusableUntil = token.ExpiresAt - reuseWindow;
        var now = time.GetUtcNow();
        if (now > reusableUntil)
        {
            entries.TryRemove(callerKey, out _);
            return;
        }

        var entry = new Entry(reusableUntil, Task.FromResult(VendResult.Vended(token)));
        lock (gate)
        {
            if (!entries.ContainsKey(callerKey) && entries.Count >= capacity && !DropReuseWindowEntries(now))
            {
                return;
            }

            entries[callerKey] = entry;
            if (reusableUntil < earliestReusableUntil)
            {
                earliestReusableUntil = reusableUntil;
            }
        }
    }

    // Called under the gate with the cache full; true when that made room.
    private bool DropReuseWindowEntries(DateTimeOffset now)
    {
        if (now <= earliestReusableUntil)
        {
            return false;
        }

        var earliest = DateTimeOffset.MaxValue;
        foreach (var (key, entry) in entries)
        {
            if (now > entry.ReusableUntil)
            {
                entries.TryRemove(KeyValuePair.Create(key, entry));
            }
            else if (entry.ReusableUntil < earliest)
            {
                earliest = entry.ReusableUntil;
            }
        }

        earliestReusableUntil = earliest;
        return entries.Count < capacity;
    }

    // A class, not a record: removal compares entries by reference.
    private sealed class Entry(DateTimeOffset reusableUntil, Task<VendResult> answer)
    {
        public DateTimeOffset ReusableUntil { get; } = reusableUntil;

        public Task<VendResult> Answer { get; } = answer;
    }
}
