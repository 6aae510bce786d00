using System.Net;
using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// Hands out Momento disposable tokens per caller: reuses a cached token while enough of its life
/// remains, otherwise mints one (once per caller at a time in this container) and caches it until it
/// is no longer reusable. A token this container handed out is also kept in its memory for as long, so
/// a repeat is answered with no network call. Create one per container; it is safe for concurrent use.
/// </summary>
public sealed class TokenVendingService
{
    /// <summary>Prefix of the token cache's item keys; the rest is the caller key.</summary>
    public const string CacheKeyPrefix = "token-vending:";

    private readonly VendingSettings settings;
    private readonly ITokenMinter minter;
    private readonly ITokenCache cache;
    private readonly TimeProvider time;
    private readonly MomentoKeySource keys;
    private readonly LocalTokenCache handedOut;
    private readonly SingleFlight<VendResult> flights = new();
    private int cacheMissingReported;

    /// <summary>Creates the service over its ports.</summary>
    public TokenVendingService(VendingSettings settings, ISecretReader secrets, ITokenMinter minter, ITokenCache cache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(minter);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(time);
        this.settings = settings;
        this.minter = minter;
        this.cache = cache;
        this.time = time;
        keys = new MomentoKeySource(secrets, settings.SecretId, settings.KeyCacheTtl, time);
        handedOut = new LocalTokenCache(settings.MemoryEntries, settings.ReuseWindow, time);
    }

    /// <summary>
    /// Vends a token for the caller at <paramref name="sourceIp"/> (the request context's source IP,
    /// never a header). Known failures come back as a <see cref="VendResult"/>; an unreadable secret or
    /// a failing secret store throws.
    /// </summary>
    public Task<VendResult> VendAsync(string? sourceIp, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (!IPAddress.TryParse(sourceIp, out var address))
        {
            VendingLog.NoSourceIp(logger);
            return Task.FromResult(VendResult.BadRequest);
        }

        var callerKey = CallerKey.Compute(address, settings.Scope.DescriptorUtf8.Span);
        var repeat = handedOut.TryGet(callerKey);
        if (repeat is not null)
        {
            return repeat;
        }

        return flights.RunAsync(
            callerKey,
            (Service: this, CallerKey: callerKey, Logger: logger),
            static s => s.Service.VendForCallerAsync(s.CallerKey, s.Logger),
            cancellationToken);
    }

    // Runs inside the caller's flight, shared by every request for that caller: hence no cancellation token.
    private async Task<VendResult> VendForCallerAsync(string callerKey, ILogger logger)
    {
        var key = await keys.GetAsync(logger, CancellationToken.None);
        var itemKey = CacheKeyPrefix + callerKey;

        var (cached, cacheUp) = await ReadCacheAsync(key, itemKey, logger);
        if (cached is not null && cached.RemainingAt(time.GetUtcNow()) >= settings.ReuseWindow)
        {
            handedOut.Remember(callerKey, cached);
            return VendResult.Vended(cached);
        }

        var minted = await MintAsync(key, logger);
        if (minted.Outcome != MintOutcome.Minted)
        {
            return minted.Outcome == MintOutcome.RateLimited ? VendResult.RateLimited : VendResult.Failed;
        }

        var token = minted.Token!;
        handedOut.Remember(callerKey, token);
        if (cacheUp)
        {
            await WriteCacheAsync(key, itemKey, token, logger);
        }

        return VendResult.Vended(token);
    }

    private async Task<(VendedToken? Token, bool CacheUp)> ReadCacheAsync(MomentoKey key, string itemKey, ILogger logger)
    {
        string? value;
        try
        {
            value = await cache.GetAsync(key, itemKey, CancellationToken.None);
        }
        catch (TokenCacheException e) when (e.CacheMissing)
        {
            // A missing cache is a deploy mistake, not an outage: say so plainly, once per container.
            if (Interlocked.Exchange(ref cacheMissingReported, 1) == 0)
            {
                VendingLog.CacheMissing(logger, settings.Scope.CacheName);
            }

            return (null, false);
        }
        catch (TokenCacheException e)
        {
            VendingLog.CacheReadFailed(logger, e.ErrorCode);
            return (null, false);
        }

        if (value is null)
        {
            return (null, true);
        }

        var token = CachedToken.TryDecode(value);
        if (token is null)
        {
            VendingLog.CacheEntryUnreadable(logger);
        }

        return (token, true);
    }

    private async Task WriteCacheAsync(MomentoKey key, string itemKey, VendedToken token, ILogger logger)
    {
        // Kept exactly as long as the token stays reusable; a token already past that is not cached.
        var ttl = token.RemainingAt(time.GetUtcNow()) - settings.ReuseWindow;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await cache.SetAsync(key, itemKey, CachedToken.Encode(token), ttl, CancellationToken.None);
        }
        catch (TokenCacheException e)
        {
            VendingLog.CacheWriteFailed(logger, e.ErrorCode);
        }
    }

    private async Task<MintResult> MintAsync(MomentoKey key, ILogger logger)
    {
        var result = await minter.MintAsync(key, settings.Scope, settings.TokenLifetime, CancellationToken.None);
        if (result.Outcome == MintOutcome.AuthenticationFailed)
        {
            VendingLog.KeyRejected(logger);
            var reread = await keys.RereadAsync(key, logger, CancellationToken.None);
            result = await minter.MintAsync(reread, settings.Scope, settings.TokenLifetime, CancellationToken.None);
        }

        switch (result.Outcome)
        {
            case MintOutcome.AuthenticationFailed:
                VendingLog.KeyRejectedAfterReread(logger);
                break;
            case MintOutcome.RateLimited:
                VendingLog.RateLimited(logger);
                break;
            case MintOutcome.Failed:
                VendingLog.MintFailed(logger, result.ErrorCode!);
                break;
        }

        return result;
    }
}
