using Momento.Sdk;
using Momento.Sdk.Config;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.ColdStart.Host;

/// <summary>
/// Momento.Sdk's clients with the configurations the vending function builds them with (its <c>MomentoClients</c>),
/// on <see cref="LoopbackCredentials"/> for a Momento protocol server at <paramref name="endpoint"/>
/// (<c>127.0.0.1:port</c>) instead of the key's own endpoints, and with a cache deadline a loaded machine cannot miss.
/// </summary>
internal sealed class LoopbackMomento(string endpoint)
{
    // Every write the function makes passes its own TTL; Momento.Sdk still requires a default.
    private static readonly TimeSpan UnusedDefaultTtl = TimeSpan.FromMinutes(1);

    // The Lambda configuration's 1.1 s deadline is for a warm channel to Momento in the same region. On a loaded
    // two-core CI machine the first call of a cold channel (connect, HTTP/2 setup, JIT) took longer, the read failed
    // and the function skipped its cache write. A deadline never changes how long a call that succeeds takes, so the
    // cold-start figures are unaffected.
    private static readonly TimeSpan LoopbackDeadline = TimeSpan.FromSeconds(30);

    public IAuthClient CreateAuthClient(MomentoKey key) =>
        new AuthClient(AuthConfigurations.Default.Latest(), LoopbackCredentials.For(key, endpoint));

    public ICacheClient CreateCacheClient(MomentoKey key) =>
        new CacheClient(
            Configurations.InRegion.Lambda.Latest().WithClientTimeout(LoopbackDeadline),
            LoopbackCredentials.For(key, endpoint),
            UnusedDefaultTtl);
}
