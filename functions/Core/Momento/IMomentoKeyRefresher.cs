using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Momento;

/// <summary>Exchanges a Momento key and its refresh token for a new pair.</summary>
public interface IMomentoKeyRefresher
{
    /// <summary>
    /// Refreshes <paramref name="bundle"/> once. Failures come back as a <see cref="KeyRefreshResult"/>,
    /// not as exceptions; only cancellation by <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle, CancellationToken cancellationToken);
}
