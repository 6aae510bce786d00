using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// An optional check, run by testSecret, that a new key works against Momento. It must use only
/// data-plane calls a key limited to data access may make, so such keys pass.
/// </summary>
public interface IKeyLiveCheck
{
    /// <summary>Whether <paramref name="key"/> works.</summary>
    Task<bool> IsWorkingAsync(MomentoKey key, CancellationToken cancellationToken);
}
