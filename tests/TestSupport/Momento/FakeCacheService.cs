using Google.Protobuf;
using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// Momento's <c>cache_client.Scs</c> data plane, <c>Get</c> and <c>Set</c>: items live per cache until their
/// TTL runs out on the server's clock. A call whose <c>authorization</c> is not an accepted key
/// (<see cref="MomentoServer.AcceptOnly"/>) is <c>UNAUTHENTICATED</c>; one without a <c>cache</c> header is
/// <c>INVALID_ARGUMENT</c>.
/// </summary>
public sealed class FakeCacheService : FakeMomentoService
{
    private readonly KeyRing keys;
    private readonly Lock gate = new();
    private readonly Dictionary<(string Cache, ByteString Key), (ByteString Value, DateTimeOffset ExpiresAt)> items = [];
    private readonly Journal<CacheGet> gets = new();
    private readonly Journal<CacheSet> sets = new();

    internal FakeCacheService(TimeProvider clock, KeyRing keys, CancellationToken stopping)
        : base(clock, stopping) => this.keys = keys;

    /// <summary>Every <c>Get</c> answered, in order.</summary>
    public IReadOnlyList<CacheGet> Gets => gets.Snapshot();

    /// <summary>Every <c>Set</c> stored, in order.</summary>
    public IReadOnlyList<CacheSet> Sets => sets.Snapshot();

    internal async Task<_GetResponse> GetAsync(_GetRequest request, ServerCallContext context)
    {
        await EnterAsync(context);
        var (cacheName, metadata) = Authorize(context);
        bool hit;
        (ByteString Value, DateTimeOffset ExpiresAt) item;
        lock (gate)
        {
            hit = items.TryGetValue((cacheName, request.CacheKey), out item) && Clock.GetUtcNow() < item.ExpiresAt;
        }

        gets.Add(new CacheGet(cacheName, request.CacheKey.ToStringUtf8(), hit, metadata));
        return hit
            ? new _GetResponse { Result = ECacheResult.Hit, CacheBody = item.Value }
            : new _GetResponse { Result = ECacheResult.Miss };
    }

    internal async Task<_SetResponse> SetAsync(_SetRequest request, ServerCallContext context)
    {
        await EnterAsync(context);
        var (cacheName, metadata) = Authorize(context);
        if (request.TtlMilliseconds == 0)
        {
            throw InvalidArgument("ttl_milliseconds must be positive");
        }

        var ttl = TimeSpan.FromMilliseconds(request.TtlMilliseconds);
        lock (gate)
        {
            items[(cacheName, request.CacheKey)] = (request.CacheBody, Clock.GetUtcNow() + ttl);
        }

        sets.Add(new CacheSet(cacheName, request.CacheKey.ToStringUtf8(), request.CacheBody.ToStringUtf8(), ttl, metadata));

        return new _SetResponse { Result = ECacheResult.Ok };
    }

    private (string CacheName, CallMetadata Metadata) Authorize(ServerCallContext context)
    {
        var metadata = CallMetadata.From(context);
        if (!keys.Accepts(metadata.Authorization))
        {
            throw Unauthenticated();
        }

        return metadata.Cache is { Length: > 0 } cacheName
            ? (cacheName, metadata)
            : throw InvalidArgument("the cache header is required");
    }
}
