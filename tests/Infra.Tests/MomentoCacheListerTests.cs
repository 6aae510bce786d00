using Grpc.Core;
using Momento.Protos.ControlClient;
using Momento.Sdk;
using Momento.Sdk.Exceptions;
using Momento.Sdk.Responses;
using Moq;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Tests;

public sealed class MomentoCacheListerTests
{
    private static readonly MomentoKey Key = MomentoKey.Parse(MomentoKey.WrapV1("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "cell-1.example.momentohq.com"));

    private readonly Mock<ICacheClient> _client = new();
    private MomentoKey? _clientKey;

    [Fact]
    public async Task ListCachesAsync_Success_ListsTheCacheNames()
    {
        var response = new _ListCachesResponse();
        response.Cache.Add(new _Cache { CacheName = "alpha" });
        response.Cache.Add(new _Cache { CacheName = "chat" });
        _client.Setup(c => c.ListCachesAsync()).ReturnsAsync(new ListCachesResponse.Success(response));

        var answer = await CreateSut().ListCachesAsync(Key, CancellationToken.None);

        Assert.Equal(["alpha", "chat"], Assert.IsType<CachesListed>(answer).CacheNames);
        Assert.Same(Key, _clientKey);
        _client.Verify(c => c.Dispose(), Times.Once);
    }

    [Fact]
    public async Task ListCachesAsync_Error_PassesTheCodeAndMessageOn()
    {
        var error = new AuthenticationException("Invalid signature", Transport(StatusCode.Unauthenticated));
        _client.Setup(c => c.ListCachesAsync()).ReturnsAsync(new ListCachesResponse.Error(error));

        var refused = Assert.IsType<MomentoRefused>(await CreateSut().ListCachesAsync(Key, CancellationToken.None));

        Assert.Equal("AUTHENTICATION_ERROR", refused.ErrorCode);
        Assert.Contains("Invalid signature", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCachesAsync_ClientRefusesTheKey_IsARefusalNotACrash()
    {
        var sut = new MomentoCacheLister(_ => throw new InvalidArgumentException("bad key"), TimeSpan.FromSeconds(5));

        var refused = Assert.IsType<MomentoRefused>(await sut.ListCachesAsync(Key, CancellationToken.None));

        Assert.Equal("INVALID_ARGUMENT_ERROR", refused.ErrorCode);
    }

    [Fact]
    public async Task ListCachesAsync_NoAnswerInTime_SaysHowLongItWaited()
    {
        _client.Setup(c => c.ListCachesAsync()).Returns(new TaskCompletionSource<ListCachesResponse>().Task);

        var answer = await CreateSut(TimeSpan.FromMilliseconds(50)).ListCachesAsync(Key, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(50), Assert.IsType<NoAnswer>(answer).Waited);
        _client.Verify(c => c.Dispose(), Times.Once);
    }

    private MomentoCacheLister CreateSut(TimeSpan? timeout = null) =>
        new(
            key =>
            {
                _clientKey = key;
                return _client.Object;
            },
            timeout ?? TimeSpan.FromSeconds(5));

    private static MomentoErrorTransportDetails Transport(StatusCode code) => new(new MomentoGrpcErrorDetails(code, "details"));
}
