using Momento.Sdk;
using Momento.Sdk.Auth;
using Momento.Sdk.Config;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.TokenVending;

/// <summary>Builds the Momento SDK clients for a key.</summary>
internal static class MomentoClients
{
    // Every write passes its own TTL (derived from the token's expiry); the SDK still requires a default.
    private static readonly TimeSpan UnusedDefaultTtl = TimeSpan.FromMinutes(1);

    public static IAuthClient CreateAuthClient(MomentoKey key) =>
        new AuthClient(AuthConfigurations.Default.Latest(), Credentials(key));

    public static ICacheClient CreateCacheClient(MomentoKey key) =>
        new CacheClient(Configurations.InRegion.Lambda.Latest(), Credentials(key), UnusedDefaultTtl);

    // [Obsolete] in 1.41.1 in favour of the v2-key providers, but v1 and legacy keys (what the secret holds;
    // the key source refuses v2 keys, which carry no endpoint) are read by this provider, not by those.
    // The concrete return type keeps CA1859 quiet; callers do not name the type, so only this member needs the pragma.
#pragma warning disable CS0618
    private static StringMomentoTokenProvider Credentials(MomentoKey key) => new(key.Value);
#pragma warning restore CS0618
}
