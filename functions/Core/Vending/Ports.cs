using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Vending;

/// <summary>Issues Momento disposable tokens.</summary>
public interface ITokenMinter
{
    /// <summary>
    /// Mints a token with <paramref name="scope"/> valid for <paramref name="lifetime"/>, signed with
    /// <paramref name="key"/>. Provider errors come back as a <see cref="MintResult"/>, not as exceptions.
    /// </summary>
    Task<MintResult> MintAsync(MomentoKey key, TokenScope scope, TimeSpan lifetime, CancellationToken cancellationToken);
}

/// <summary>
/// A shared cache of vended tokens (a Momento cache in production). Every failure is a
/// <see cref="TokenCacheException"/>, so the caller can carry on without the cache.
/// </summary>
public interface ITokenCache
{
    /// <summary>The value stored under <paramref name="itemKey"/>, or <see langword="null"/> on a miss.</summary>
    Task<string?> GetAsync(MomentoKey key, string itemKey, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="value"/> under <paramref name="itemKey"/> for <paramref name="ttl"/>.</summary>
    Task SetAsync(MomentoKey key, string itemKey, string value, TimeSpan ttl, CancellationToken cancellationToken);
}

/// <summary>Reads the current value of a secret (AWS Secrets Manager, stage <c>AWSCURRENT</c>, in production).</summary>
public interface ISecretReader
{
    /// <summary>The secret's current string value.</summary>
    Task<string> ReadSecretAsync(string secretId, CancellationToken cancellationToken);
}
