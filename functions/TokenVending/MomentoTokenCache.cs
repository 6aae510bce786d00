using Momento.Sdk;
using Momento.Sdk.Responses;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.TokenVending;

/// <summary>The token cache in a Momento cache; every error response becomes a <see cref="TokenCacheException"/>.</summary>
internal sealed class MomentoTokenCache : ITokenCache
{
    private readonly KeyedClient<ICacheClient> clients;
    private readonly string cacheName;

    public MomentoTokenCache(KeyedClient<ICacheClient> clients, string cacheName)
    {
        this.clients = clients;
        this.cacheName = cacheName;
    }

    public async Task<string?> GetAsync(MomentoKey key, string itemKey, CancellationToken cancellationToken)
    {
        var response = await clients.For(key).GetAsync(cacheName, itemKey);
        return response switch
        {
            CacheGetResponse.Hit hit => hit.ValueString,
            CacheGetResponse.Miss => null,
            // Only the code: a response's ToString and message are not needed to act on it.
            CacheGetResponse.Error error => throw new TokenCacheException(error.ErrorCode.ToString()),
            _ => throw new TokenCacheException("UNEXPECTED_RESPONSE"),
        };
    }

    public async Task SetAsync(MomentoKey key, string itemKey, string value, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var response = await clients.For(key).SetAsync(cacheName, itemKey, value, ttl);
        switch (response)
        {
            case CacheSetResponse.Success:
                return;
            case CacheSetResponse.Error error:
                throw new TokenCacheException(error.ErrorCode.ToString());
            default:
                throw new TokenCacheException("UNEXPECTED_RESPONSE");
        }
    }
}
