using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra;

/// <summary>Asks Momento, with a key, which caches it can see; <see cref="MomentoPreflight"/> judges the answer.</summary>
internal interface IMomentoPreflight
{
    /// <summary>Lists the caches of <paramref name="key"/>'s cell, or says why it could not.</summary>
    Task<PreflightAnswer> ListCachesAsync(MomentoKey key, CancellationToken cancellationToken);
}
