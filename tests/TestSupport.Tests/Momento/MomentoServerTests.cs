using Google.Protobuf;
using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Tests.Momento;

public sealed class MomentoServerTests : ServerFixture
{
    [Fact]
    public async Task AcceptOnly_NewKeys_RefusesTheKeysAcceptedBefore()
    {
        Server.AcceptOnly("new-key");
        var client = new Scs.ScsClient(Channel);
        var get = new _GetRequest { CacheKey = ByteString.CopyFromUtf8("k") };

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetAsync(get, Headers(Key)).ResponseAsync);
        var served = await client.GetAsync(get, Headers("new-key"));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(ECacheResult.Miss, served.Result);
    }

    [Fact]
    public async Task Calls_EveryService_CountedPerServiceAndTogether()
    {
        var cache = new Scs.ScsClient(Channel);
        await cache.GetAsync(new _GetRequest { CacheKey = ByteString.CopyFromUtf8("k") }, Headers());
        await cache.GetAsync(new _GetRequest { CacheKey = ByteString.CopyFromUtf8("k") }, Headers());
        await Assert.ThrowsAsync<RpcException>(() => new Auth.AuthClient(Channel).RefreshApiTokenAsync(new _RefreshApiTokenRequest()).ResponseAsync);

        Assert.Equal((0, 2, 1, 3), (Server.Token.Calls, Server.Cache.Calls, Server.Auth.Calls, Server.Calls));
    }

    [Fact]
    public async Task WhenCalledAsync_CallAlreadyMade_CompletesAtOnce()
    {
        await new Scs.ScsClient(Channel).GetAsync(new _GetRequest { CacheKey = ByteString.CopyFromUtf8("k") }, Headers());

        Assert.True(Server.Cache.WhenCalledAsync().IsCompleted);
        Assert.False(Server.Cache.WhenCalledAsync(2).IsCompleted);
    }
}
