using Momento.Sdk;
using Momento.Sdk.Auth.AccessControl;
using Momento.Sdk.Exceptions;
using Momento.Sdk.Responses;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.TokenVending;

/// <summary>Mints disposable tokens with Momento's auth client.</summary>
internal sealed class MomentoTokenMinter : ITokenMinter
{
    private readonly KeyedClient<IAuthClient> clients;

    public MomentoTokenMinter(KeyedClient<IAuthClient> clients) => this.clients = clients;

    public async Task<MintResult> MintAsync(MomentoKey key, TokenScope scope, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var response = await clients.For(key).GenerateDisposableTokenAsync(
            ToMomentoScope(scope),
            ExpiresIn.Seconds((int)lifetime.TotalSeconds));
        return response switch
        {
            GenerateDisposableTokenResponse.Success success when success.ExpiresAt.Epoch() is { } exp =>
                MintResult.Minted(new VendedToken(success.AuthToken, DateTimeOffset.FromUnixTimeSeconds(exp))),
            GenerateDisposableTokenResponse.Success => MintResult.Failed("TOKEN_WITHOUT_EXPIRY"),
            GenerateDisposableTokenResponse.Error { ErrorCode: MomentoErrorCode.AUTHENTICATION_ERROR } => MintResult.AuthenticationFailed,
            GenerateDisposableTokenResponse.Error { ErrorCode: MomentoErrorCode.LIMIT_EXCEEDED_ERROR } => MintResult.RateLimited,
            GenerateDisposableTokenResponse.Error error => MintResult.Failed(error.ErrorCode.ToString()),
            _ => MintResult.Failed("UNEXPECTED_RESPONSE"),
        };
    }

    internal static DisposableTokenScope ToMomentoScope(TokenScope scope)
    {
        var cache = CacheSelector.ByName(scope.CacheName);
        TopicSelector topics = scope.TopicPrefix is null
            ? TopicSelector.AllTopics
            : TopicSelector.ByTopicNamePrefix(scope.TopicPrefix);
        return scope.Role == TokenRole.PublishSubscribe
            ? DisposableTokenScopes.TopicPublishSubscribe(cache, topics)
            : DisposableTokenScopes.TopicSubscribeOnly(cache, topics);
    }
}
