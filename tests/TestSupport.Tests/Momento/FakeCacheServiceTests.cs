using Google.Protobuf;
using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Tests.Momento;

public sealed class FakeCacheServiceTests : ServerFixture
{
    private Scs.ScsClient Client => new(Channel);

    [Fact]
    public async Task Get_AfterSet_HitsUntilTheTtlRunsOutOnTheServersClock()
    {
        await SetAsync("k", "v", TimeSpan.FromMinutes(5));

        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        var before = await GetAsync("k");
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await GetAsync("k");

        Assert.Equal(ECacheResult.Hit, before.Result);
        Assert.Equal("v", before.CacheBody.ToStringUtf8());
        Assert.Equal(ECacheResult.Miss, after.Result);
        Assert.Equal([true, false], Server.Cache.Gets.Select(g => g.Hit));
    }

    [Fact]
    public async Task Get_NeverSet_Miss()
    {
        var reply = await GetAsync("k");

        Assert.Equal(ECacheResult.Miss, reply.Result);
        Assert.Equal(new CacheGet("a-cache", "k", false, Assert.Single(Server.Cache.Gets).Metadata), Server.Cache.Gets[0]);
    }

    [Fact]
    public async Task Get_KeySetInAnotherCache_Miss()
    {
        await SetAsync("k", "v", TimeSpan.FromMinutes(5));

        var reply = await Client.GetAsync(new _GetRequest { CacheKey = ByteString.CopyFromUtf8("k") }, Headers(cache: "other-cache"));

        Assert.Equal(ECacheResult.Miss, reply.Result);
    }

    [Fact]
    public async Task Set_AnyItem_RecordsCacheKeyValueTtlAndMetadata()
    {
        await SetAsync("k", "v", TimeSpan.FromSeconds(90));

        var set = Assert.Single(Server.Cache.Sets);
        Assert.Equal(("a-cache", "k", "v", TimeSpan.FromSeconds(90)), (set.CacheName, set.Key, set.Value, set.Ttl));
        Assert.Equal(Key, set.Metadata.Authorization);
        Assert.Equal("a-cache", set.Metadata.Cache);
    }

    [Theory]
    [InlineData("other-key")]
    [InlineData(null)]
    public async Task Calls_KeyNotAccepted_Unauthenticated(string? authorization)
    {
        var get = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetAsync(new _GetRequest { CacheKey = ByteString.CopyFromUtf8("k") }, Headers(authorization)).ResponseAsync);
        var set = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SetAsync(Set("k", "v", TimeSpan.FromMinutes(1)), Headers(authorization)).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (get.StatusCode, set.StatusCode));
        Assert.Empty(Server.Cache.Gets);
        Assert.Empty(Server.Cache.Sets);
    }

    [Fact]
    public async Task Set_WithoutCacheHeader_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SetAsync(Set("k", "v", TimeSpan.FromMinutes(1)), Headers(cache: null)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Set_ZeroTtl_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.SetAsync(Set("k", "v", TimeSpan.Zero), Headers()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Empty(Server.Cache.Sets);
    }

    [Fact]
    public async Task Calls_Unavailable_AnswerUnavailableAndAreCounted()
    {
        Server.Cache.Fault = MomentoFault.Unavailable;

        var error = await Assert.ThrowsAsync<RpcException>(() => GetAsync("k"));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(1, Server.Cache.Calls);
        Assert.Empty(Server.Cache.Gets);
    }

    private static _SetRequest Set(string key, string value, TimeSpan ttl) => new()
    {
        CacheKey = ByteString.CopyFromUtf8(key),
        CacheBody = ByteString.CopyFromUtf8(value),
        TtlMilliseconds = (ulong)ttl.TotalMilliseconds,
    };

    private async Task SetAsync(string key, string value, TimeSpan ttl) => await Client.SetAsync(Set(key, value, ttl), Headers());

    private async Task<_GetResponse> GetAsync(string key) =>
        await Client.GetAsync(new _GetRequest { CacheKey = ByteString.CopyFromUtf8(key) }, Headers());
}
