using System.Collections.Frozen;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>The keys the token and cache services accept; replaced whole, read by calls in flight.</summary>
internal sealed class KeyRing
{
    private volatile FrozenSet<string> keys = FrozenSet<string>.Empty;

    public void Replace(IEnumerable<string> accepted) => keys = accepted.ToFrozenSet(StringComparer.Ordinal);

    public bool Accepts(string? key) => key is not null && keys.Contains(key);
}
