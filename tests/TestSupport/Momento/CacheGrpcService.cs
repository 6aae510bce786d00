using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>Binds <c>cache_client.Scs</c> to <see cref="FakeCacheService"/>.</summary>
internal sealed class CacheGrpcService(FakeCacheService service) : Scs.ScsBase
{
    public override Task<_GetResponse> Get(_GetRequest request, ServerCallContext context) => service.GetAsync(request, context);

    public override Task<_SetResponse> Set(_SetRequest request, ServerCallContext context) => service.SetAsync(request, context);
}
