using Momento.Sdk;
using Momento.Sdk.Config;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.ColdStart.Host;

/// <summary>
/// Momento.Sdk's clients with the configurations the vending function builds them with (its <c>MomentoClients</c>),
/// on <see cref="LoopbackCredentials"/> for a Momento protocol server at <paramref name="endpoint"/>
/// (<c>127.0.0.1:port</c>) instead of the key's own endpoints.
/// </summary>
internal sealed class LoopbackMomento(string endpoint)
{
    // Every write the function makes passes its own TTL; Momento.Sdk still requires a default.
    private static readonly TimeSpan UnusedDefaultTtl = TimeSpan.FromMinutes(1);

    public IAuthClient CreateAuthClient(MomentoKey key) =>
        new AuthClient(AuthConfigurations.Default.Latest(), LoopbackCredentials.For(key, endpoint));

    public ICacheClient CreateCacheClient(MomentoKey key) =>
        new CacheClient(Configurations.InRegion.Lambda.Latest(), LoopbackCredentials.For(key, endpoint), UnusedDefaultTtl);
}
