using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// One SDK client for the current Momento key: built on first use, reused while the key stays the same,
/// rebuilt when the key changes. The client it replaces is kept until the next change, so calls still
/// running on it finish; only the one before it is disposed.
/// </summary>
/// <typeparam name="TClient">The client type, e.g. Momento's auth or cache client.</typeparam>
public sealed class KeyedClient<TClient> : IDisposable
    where TClient : class, IDisposable
{
    private readonly Func<MomentoKey, TClient> create;
    private readonly Lock gate = new();
    private Entry? current;
    private TClient? retired;
    private bool disposed;

    /// <summary>Creates the holder; <paramref name="create"/> builds a client for a key.</summary>
    public KeyedClient(Func<MomentoKey, TClient> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        this.create = create;
    }

    /// <summary>The client for <paramref name="key"/>.</summary>
    public TClient For(MomentoKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entry = Volatile.Read(ref current);
        if (entry is not null && SameKey(entry.Key, key))
        {
            return entry.Client;
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            entry = current;
            if (entry is not null && SameKey(entry.Key, key))
            {
                return entry.Client;
            }

            var client = create(key);
            Volatile.Write(ref current, new Entry(key, client));
            retired?.Dispose();
            retired = entry?.Client;
            return client;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            current?.Client.Dispose();
            retired?.Dispose();
            current = null;
            retired = null;
        }
    }

    private static bool SameKey(MomentoKey a, MomentoKey b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal);

    private sealed record Entry(MomentoKey Key, TClient Client);
}
