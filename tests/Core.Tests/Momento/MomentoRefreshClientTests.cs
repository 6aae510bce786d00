using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Momento.Protos;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Momento;

public sealed class MomentoRefreshClientTests : IAsyncLifetime
{
    private const string RefreshToken = "refresh-token-old";
    private const string NewRefreshToken = "refresh-token-new";
    private const long NewValidUntil = 1_800_000_000;

    private static readonly MomentoRefreshOptions Options = new() { Deadline = TimeSpan.FromSeconds(5), Agent = "test-agent:1.0" };

    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private AuthServerFixture server = null!;

    public async Task InitializeAsync() => server = await AuthServerFixture.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task RefreshAsync_V1Key_SendsInnerKeyAndRefreshTokenToControlEndpointWithAgent()
    {
        var key = TestKeys.V1("old");
        server.Service.Reply = (_, _) => Task.FromResult(Reply(TestKeys.InnerJwt("new"), "cell-2.example"));

        await RefreshAsync(new TokenBundle(key, RefreshToken, clock.GetUtcNow().AddDays(1)));

        var call = Assert.Single(server.Service.Calls);
        Assert.Equal(key.WireKey, call.Request.ApiKey);
        Assert.Equal(RefreshToken, call.Request.RefreshToken);
        Assert.Equal("test-agent:1.0", call.Agent);
        Assert.Equal($"control.{TestKeys.Cell}", call.Host);
    }

    [Fact]
    public async Task RefreshAsync_V1KeyRefreshed_ReturnsV1KeyWrappedWithReturnedEndpoint()
    {
        server.Service.Reply = (_, _) => Task.FromResult(Reply(TestKeys.InnerJwt("new"), "cell-2.example"));

        var result = await RefreshAsync(Bundle(TestKeys.V1("old")));

        Assert.Equal(KeyRefreshStatus.Refreshed, result.Status);
        var bundle = Assert.IsType<TokenBundle>(result.Bundle);
        Assert.Equal(MomentoKey.WrapV1(TestKeys.InnerJwt("new"), "cell-2.example"), bundle.Key.Value);
        Assert.Equal(MomentoKeyKind.V1, bundle.Key.Kind);
        Assert.Equal(NewRefreshToken, bundle.RefreshToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(NewValidUntil), bundle.ValidUntil);
    }

    [Fact]
    public async Task RefreshAsync_V1ReplyWithoutEndpoint_KeepsTheOldCellHost()
    {
        server.Service.Reply = (_, _) => Task.FromResult(Reply(TestKeys.InnerJwt("new"), endpoint: ""));

        var result = await RefreshAsync(Bundle(TestKeys.V1("old")));

        Assert.Equal(MomentoKey.WrapV1(TestKeys.InnerJwt("new"), TestKeys.Cell), result.Bundle?.Key.Value);
    }

    [Fact]
    public async Task RefreshAsync_LegacyKey_SendsTheJwtAndStoresTheNewJwtAsIs()
    {
        var newKey = TestKeys.Legacy("new");
        server.Service.Reply = (_, _) => Task.FromResult(Reply(newKey.Value, TestKeys.Cell));
        var oldKey = TestKeys.Legacy("old");

        var result = await RefreshAsync(Bundle(oldKey));

        Assert.Equal(oldKey.Value, Assert.Single(server.Service.Calls).Request.ApiKey);
        Assert.Equal(newKey.Value, result.Bundle?.Key.Value);
        Assert.Equal(MomentoKeyKind.Legacy, result.Bundle?.Key.Kind);
    }

    [Fact]
    public async Task RefreshAsync_LegacyKeyRefreshedToJwtWithoutEndpointClaims_StoresV1KeyWithReturnedEndpoint()
    {
        server.Service.Reply = (_, _) => Task.FromResult(Reply(TestKeys.InnerJwt("new"), "cell-2.example"));

        var result = await RefreshAsync(Bundle(TestKeys.Legacy("old")));

        Assert.Equal(MomentoKey.WrapV1(TestKeys.InnerJwt("new"), "cell-2.example"), result.Bundle?.Key.Value);
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated, KeyRefreshStatus.Rejected)]
    [InlineData(StatusCode.PermissionDenied, KeyRefreshStatus.Rejected)]
    [InlineData(StatusCode.Unavailable, KeyRefreshStatus.Transient)]
    [InlineData(StatusCode.DeadlineExceeded, KeyRefreshStatus.Transient)]
    [InlineData(StatusCode.InvalidArgument, KeyRefreshStatus.Failed)]
    [InlineData(StatusCode.Internal, KeyRefreshStatus.Failed)]
    public async Task RefreshAsync_ServerAnswersStatus_ReturnsTypedOutcome(StatusCode status, KeyRefreshStatus expected)
    {
        server.Service.Reply = (_, _) => throw new RpcException(new Status(status, $"detail with {RefreshToken}"));

        var result = await RefreshAsync(Bundle(TestKeys.V1("old")));

        Assert.Equal(expected, result.Status);
        Assert.Null(result.Bundle);
        Assert.DoesNotContain(RefreshToken, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_ReplySlowerThanDeadline_ReturnsTransient()
    {
        server.Service.Reply = async (_, context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            return Reply("never", TestKeys.Cell);
        };
        using var client = CreateSut();
        var refresh = client.RefreshAsync(Bundle(TestKeys.V1("old")), CancellationToken.None);
        await server.Service.CallReceived.Task;

        clock.Advance(Options.Deadline);
        var result = await refresh;

        Assert.Equal(KeyRefreshStatus.Transient, result.Status);
        Assert.Contains("deadline", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefreshAsync_CallerCancels_Throws()
    {
        server.Service.Reply = async (_, context) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
            return Reply("never", TestKeys.Cell);
        };
        using var client = CreateSut();
        using var cancellation = new CancellationTokenSource();
        var refresh = client.RefreshAsync(Bundle(TestKeys.V1("old")), cancellation.Token);
        await server.Service.CallReceived.Task;

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresh);
    }

    [Fact]
    public async Task RefreshAsync_V2Key_ReturnsNotRefreshableWithoutCalling()
    {
        var result = await RefreshAsync(Bundle(TestKeys.V2("old")));

        Assert.Equal(KeyRefreshStatus.NotRefreshable, result.Status);
        Assert.Contains("v2", result.Reason, StringComparison.Ordinal);
        Assert.Empty(server.Service.Calls);
    }

    [Fact]
    public async Task RefreshAsync_NoRefreshToken_ReturnsNotRefreshableWithoutCalling()
    {
        var result = await RefreshAsync(new TokenBundle(TestKeys.V1("old"), refreshToken: null, clock.GetUtcNow().AddDays(1)));

        Assert.Equal(KeyRefreshStatus.NotRefreshable, result.Status);
        Assert.Contains("refresh token", result.Reason, StringComparison.Ordinal);
        Assert.Empty(server.Service.Calls);
    }

    [Theory]
    [InlineData("", NewValidUntil, "api_key")]
    [InlineData("new-key", 0L, "valid_until")]
    public async Task RefreshAsync_ReplyMissingField_ReturnsFailedNamingTheField(string apiKey, long validUntil, string field)
    {
        server.Service.Reply = (_, _) => Task.FromResult(new _RefreshApiTokenResponse
        {
            ApiKey = apiKey, RefreshToken = NewRefreshToken, Endpoint = TestKeys.Cell, ValidUntil = (ulong)validUntil,
        });

        var result = await RefreshAsync(Bundle(TestKeys.V1("old")));

        Assert.Equal(KeyRefreshStatus.Failed, result.Status);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveDeadline_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MomentoRefreshClient(Options with { Deadline = TimeSpan.Zero }, clock));

    private static _RefreshApiTokenResponse Reply(string apiKey, string endpoint) =>
        new() { ApiKey = apiKey, RefreshToken = NewRefreshToken, Endpoint = endpoint, ValidUntil = NewValidUntil };

    private TokenBundle Bundle(MomentoKey key) => new(key, RefreshToken, clock.GetUtcNow().AddDays(1));

    private MomentoRefreshClient CreateSut() => new(Options, clock, server.CreateHandler());

    private async Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle)
    {
        using var client = CreateSut();
        return await client.RefreshAsync(bundle, CancellationToken.None);
    }
}
