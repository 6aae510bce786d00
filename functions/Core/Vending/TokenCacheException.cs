namespace MomentoTokenVending.Core.Vending;

/// <summary>The token cache could not be used. The message names the error code, never a key or a token.</summary>
public sealed class TokenCacheException : Exception
{
    /// <summary>Creates the error for the provider's <paramref name="errorCode"/>.</summary>
    public TokenCacheException(string errorCode)
        : base($"The token cache failed: {errorCode}")
    {
        ErrorCode = errorCode;
    }

    /// <summary>Creates the error with the underlying exception.</summary>
    public TokenCacheException(string errorCode, Exception innerException)
        : base($"The token cache failed: {errorCode}", innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>Momento's error code for a cache that does not exist.</summary>
    public const string NotFoundCode = "NOT_FOUND_ERROR";

    /// <summary>The provider's error code (e.g. <c>TIMEOUT_ERROR</c>).</summary>
    public string ErrorCode { get; }

    /// <summary>Whether the cache itself is missing, which no retry mends, as opposed to being unavailable.</summary>
    public bool CacheMissing => ErrorCode == NotFoundCode;
}
