using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Vending;

/// <summary>Every log line vending writes. None carries a token, a key, an IP or a caller key.</summary>
internal static partial class VendingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Read the Momento key from the secret ({KeyKind} key)")]
    public static partial void KeyRead(ILogger logger, MomentoKeyKind keyKind);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Reading the secret failed ({ErrorType}); still using the key read before")]
    public static partial void KeyReadFailedKeepingHeldKey(ILogger logger, string errorType);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Momento rejected the key (authentication error); re-reading the secret and retrying once")]
    public static partial void KeyRejected(ILogger logger);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Momento rejected the key again after re-reading the secret; check the key in the secret")]
    public static partial void KeyRejectedAfterReread(ILogger logger);

    [LoggerMessage(EventId = 110, Level = LogLevel.Warning, Message = "Momento rate limit hit while minting a token; answering 429")]
    public static partial void RateLimited(ILogger logger);

    [LoggerMessage(EventId = 111, Level = LogLevel.Error, Message = "Minting a token failed ({ErrorCode})")]
    public static partial void MintFailed(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "Token cache unavailable ({ErrorCode}); minting without it")]
    public static partial void CacheReadFailed(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 123, Level = LogLevel.Error, Message = "Momento cache '{CacheName}' (CACHE_NAME) does not exist: tokens are still minted, but browsers cannot subscribe to its topics. Create the cache in Momento or fix the stack's cacheName")]
    public static partial void CacheMissing(ILogger logger, string cacheName);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Could not store the token in the token cache ({ErrorCode}); it was still handed out")]
    public static partial void CacheWriteFailed(ILogger logger, string errorCode);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "Ignoring an unreadable token cache entry")]
    public static partial void CacheEntryUnreadable(ILogger logger);

    [LoggerMessage(EventId = 130, Level = LogLevel.Warning, Message = "Request without a usable source IP in its request context; answering 400")]
    public static partial void NoSourceIp(ILogger logger);
}
