using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// Momento's <c>token.Token</c> service: mints a disposable token for a request whose <c>auth_token</c> is an
/// accepted key (<see cref="MomentoServer.AcceptOnly"/>) and answers <c>UNAUTHENTICATED</c> for any other.
/// It serves topic permissions only; anything else is <c>INVALID_ARGUMENT</c>.
/// </summary>
public sealed class FakeTokenService : FakeMomentoService
{
    private readonly KeyRing keys;
    private readonly Journal<TokenRequest> requests = new();
    private readonly Journal<IssuedToken> issued = new();
    private int minted;

    internal FakeTokenService(TimeProvider clock, KeyRing keys, CancellationToken stopping)
        : base(clock, stopping) => this.keys = keys;

    /// <summary>The cell host the minted tokens name as their endpoint.</summary>
    public string Endpoint { get; set; } = TestKeys.Cell;

    /// <summary>Every well-formed request that got past <see cref="FakeMomentoService.Fault"/>, accepted or not, in order.</summary>
    public IReadOnlyList<TokenRequest> Requests => requests.Snapshot();

    /// <summary>Every token minted, in order.</summary>
    public IReadOnlyList<IssuedToken> Issued => issued.Snapshot();

    internal async Task<_GenerateDisposableTokenResponse> GenerateAsync(_GenerateDisposableTokenRequest request, ServerCallContext context)
    {
        await EnterAsync(context);
        if (request.Expires is not { ValidForSeconds: > 0 } expires)
        {
            throw InvalidArgument("expires.valid_for_seconds is required");
        }

        var read = new TokenRequest(
            request.AuthToken,
            TimeSpan.FromSeconds(expires.ValidForSeconds),
            ReadPermissions(request.Permissions),
            request.TokenId,
            CallMetadata.From(context));
        requests.Add(read);
        if (!keys.Accepts(request.AuthToken))
        {
            throw Unauthenticated();
        }

        var validUntil = DateTimeOffset.FromUnixTimeSeconds(Clock.GetUtcNow().ToUnixTimeSeconds() + expires.ValidForSeconds);
        var token = new IssuedToken(
            read,
            TestKeys.Jwt(new { sub = $"disposable-token-{Interlocked.Increment(ref minted)}", exp = validUntil.ToUnixTimeSeconds() }),
            Endpoint,
            validUntil);
        issued.Add(token);
        return new _GenerateDisposableTokenResponse
        {
            ApiKey = token.ApiKey,
            Endpoint = token.Endpoint,
            ValidUntil = (ulong)validUntil.ToUnixTimeSeconds(),
        };
    }

    private static TopicGrant[] ReadPermissions(Permissions? permissions)
    {
        if (permissions is not { KindCase: Permissions.KindOneofCase.Explicit })
        {
            throw InvalidArgument("permissions: this server serves explicit topic permissions only");
        }

        return [.. permissions.Explicit.Permissions.Select(ReadPermission)];
    }

    private static TopicGrant ReadPermission(PermissionsType permission)
    {
        if (permission.KindCase != PermissionsType.KindOneofCase.TopicPermissions)
        {
            throw InvalidArgument("permissions: this server serves topic permissions only");
        }

        var topic = permission.TopicPermissions;
        var access = topic.Role switch
        {
            TopicRole.TopicReadWrite => TopicAccess.ReadWrite,
            TopicRole.TopicReadOnly => TopicAccess.ReadOnly,
            TopicRole.TopicWriteOnly => TopicAccess.WriteOnly,
            _ => throw InvalidArgument("topic_permissions.role is required"),
        };
        var cacheName = topic.CacheCase switch
        {
            PermissionsType.Types.TopicPermissions.CacheOneofCase.AllCaches => null,
            PermissionsType.Types.TopicPermissions.CacheOneofCase.CacheSelector when topic.CacheSelector.KindCase == PermissionsType.Types.CacheSelector.KindOneofCase.CacheName =>
                topic.CacheSelector.CacheName,
            _ => throw InvalidArgument("topic_permissions.cache is required"),
        };
        return topic.TopicCase switch
        {
            PermissionsType.Types.TopicPermissions.TopicOneofCase.AllTopics => new TopicGrant(access, cacheName),
            PermissionsType.Types.TopicPermissions.TopicOneofCase.TopicSelector => topic.TopicSelector.KindCase switch
            {
                PermissionsType.Types.TopicSelector.KindOneofCase.TopicName => new TopicGrant(access, cacheName, TopicName: topic.TopicSelector.TopicName),
                PermissionsType.Types.TopicSelector.KindOneofCase.TopicNamePrefix => new TopicGrant(access, cacheName, TopicNamePrefix: topic.TopicSelector.TopicNamePrefix),
                _ => throw InvalidArgument("topic_permissions.topic_selector is empty"),
            },
            _ => throw InvalidArgument("topic_permissions.topic is required"),
        };
    }
}
