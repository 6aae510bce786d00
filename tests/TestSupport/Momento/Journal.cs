namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>What a service recorded: appended to by calls in flight, read whole by tests.</summary>
internal sealed class Journal<T>
{
    private readonly Lock gate = new();
    private readonly List<T> entries = [];

    public void Add(T entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. entries];
        }
    }
}
