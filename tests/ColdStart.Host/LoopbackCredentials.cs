using Momento.Sdk.Auth;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.ColdStart.Host;

/// <summary>
/// A key's credentials pointed at a loopback Momento protocol server: the key as Momento.Sdk's providers send it (a
/// v1 key's inner api_key), every endpoint on the server's <c>127.0.0.1:port</c>, and plaintext, so Momento.Sdk
/// dials <c>http://</c> as it does for its <c>MomentoLocalProvider</c>.
/// </summary>
internal sealed class LoopbackCredentials : ICredentialProvider
{
    private LoopbackCredentials(string authToken, string endpoint, string cacheEndpoint)
    {
        AuthToken = authToken;
        ControlEndpoint = endpoint;
        TokenEndpoint = endpoint;
        CacheEndpoint = cacheEndpoint;
    }

    public string AuthToken { get; }

    public string ControlEndpoint { get; }

    public string CacheEndpoint { get; }

    public string TokenEndpoint { get; }

    public bool SecureEndpoints => false;

    public static LoopbackCredentials For(MomentoKey key, string endpoint) => new(key.WireKey, endpoint, endpoint);

    public ICredentialProvider WithCacheEndpoint(string cacheEndpoint) => new LoopbackCredentials(AuthToken, ControlEndpoint, cacheEndpoint);
}
