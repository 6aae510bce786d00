using Momento.Sdk;
using Momento.Sdk.Auth;
using Momento.Sdk.Config;
using Momento.Sdk.Exceptions;
using Momento.Sdk.Responses;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra;

/// <summary>The preflight's one Momento call, <see cref="ICacheClient.ListCachesAsync"/>, through Momento.Sdk.</summary>
internal sealed class MomentoCacheLister : IMomentoPreflight
{
    private readonly Func<MomentoKey, ICacheClient> _createClient;
    private readonly TimeSpan _timeout;

    /// <summary>Lists with a real <see cref="CacheClient"/>, waiting at most <see cref="MomentoPreflight.Timeout"/>.</summary>
    public MomentoCacheLister()
        : this(CreateClient, MomentoPreflight.Timeout)
    {
    }

    internal MomentoCacheLister(Func<MomentoKey, ICacheClient> createClient, TimeSpan timeout)
    {
        _createClient = createClient;
        _timeout = timeout;
    }

    public async Task<PreflightAnswer> ListCachesAsync(MomentoKey key, CancellationToken cancellationToken)
    {
        ICacheClient client;
        try
        {
            client = _createClient(key);
        }
        catch (SdkException e)
        {
            // The SDK validates the key while building the client.
            return new MomentoRefused(e.ErrorCode.ToString(), e.Message);
        }

        using (client)
        {
            ListCachesResponse response;
            try
            {
                response = await client.ListCachesAsync().WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (System.TimeoutException)
            {
                return new NoAnswer(_timeout);
            }

            return response switch
            {
                ListCachesResponse.Success success => new CachesListed(success.Caches.Select(cache => cache.Name).ToList()),
                ListCachesResponse.Error error => new MomentoRefused(error.ErrorCode.ToString(), error.Message),
                _ => throw new InvalidOperationException($"Unexpected Momento response {response.GetType().Name}."),
            };
        }
    }

    private static CacheClient CreateClient(MomentoKey key)
    {
        // The token file holds a legacy or v1 key, which only this (obsolete-marked) provider reads in 1.41.1.
#pragma warning disable CS0618
        var credentials = new StringMomentoTokenProvider(key.Value);
#pragma warning restore CS0618
        return new CacheClient(Configurations.Laptop.Latest(), credentials, TimeSpan.FromMinutes(1));
    }
}
