using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.TestSupport.Momento;

namespace MomentoTokenVending.Core.Tests.Momento;

public sealed class MomentoRefreshClientTests : IAsyncLifetime
{
    private const string RefreshToken = "refresh-token-old";
    private const string NewRefreshToken = "refresh-token-new";
    private const long NewValidUntil = 1_800_000_000;

    private static readonly MomentoRefreshOptions Options = new() { Deadline = TimeSpan.FromSeconds(5), Agent = "test-agent:1.0" };

    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private MomentoServer server = null!;
    private LoopbackRedirectHandler handler = null!;

    public async Task InitializeAsync()
    {
        server = await MomentoServer.StartAsync(clock);
        handler = server.CreateRedirectHandler();
    }

    public async Task DisposeAsync()
    {
        handler.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task RefreshAsync_V1Key_SendsInnerKeyAndRefreshTokenToControlEndpointOverTlsWithAgent()
    {
        var key = TestKeys.V1("old");
        server.Auth.Grant(key.WireKey, RefreshToken, Reply(TestKeys.InnerJwt("new"), "cell-2.example"));

        await RefreshAsync(new TokenBundle(key, RefreshToken, clock.GetUtcNow().AddDays(1)));

        var call = Assert.Single(server.Auth.Requests);
        Assert.Equal(key.WireKey, call.ApiKey);
        Assert.Equal(RefreshToken, call.RefreshToken);
        Assert.Equal("test-agent:1.0", call.Metadata.Agent);
        Assert.Equal(new Uri($"https://control.{TestKeys.Cell}:443/auth.Auth/RefreshApiToken"), Assert.Single(handler.RequestedUris));
    }

    [Fact]
    public async Task RefreshAsync_V1KeyRefreshed_ReturnsV1KeyWrappedWithReturnedEndpoint()
    {
        var key = TestKeys.V1("old");
        server.Auth.Grant(key.WireKey, RefreshToken, Reply(TestKeys.InnerJwt("new"), "cell-2.example"));

        var result = await RefreshAsync(Bundle(key));

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
        var key = TestKeys.V1("old");
        server.Auth.Grant(key.WireKey, RefreshToken, Reply(TestKeys.InnerJwt("new"), endpoint: ""));

        var result = await RefreshAsync(Bundle(key));

        Assert.Equal(MomentoKey.WrapV1(TestKeys.InnerJwt("new"), TestKeys.Cell), result.Bundle?.Key.Value);
    }

    [Fact]
    public async Task RefreshAsync_LegacyKey_SendsTheJwtAndStoresTheNewJwtAsIs()
    {
        var newKey = TestKeys.Legacy("new");
        var oldKey = TestKeys.Legacy("old");
        server.Auth.Grant(oldKey.Value, RefreshToken, Reply(newKey.Value, TestKeys.Cell));

        var result = await RefreshAsync(Bundle(oldKey));

        Assert.Equal(oldKey.Value, Assert.Single(server.Auth.Requests).ApiKey);
        Assert.Equal(newKey.Value, result.Bundle?.Key.Value);
        Assert.Equal(MomentoKeyKind.Legacy, result.Bundle?.Key.Kind);
    }

    [Fact]
    public async Task RefreshAsync_LegacyKeyRefreshedToJwtWithoutEndpointClaims_StoresV1KeyWithReturnedEndpoint()
    {
        var key = TestKeys.Legacy("old");
        server.Auth.Grant(key.Value, RefreshToken, Reply(TestKeys.InnerJwt("new"), "cell-2.example"));

        var result = await RefreshAsync(Bundle(key));

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
        server.Auth.Fault = new MomentoFault(status, $"detail with {RefreshToken}");

        var result = await RefreshAsync(Bundle(TestKeys.V1("old")));

        Assert.Equal(expected, result.Status);
        Assert.Null(result.Bundle);
        Assert.DoesNotContain(RefreshToken, result.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<Exception> ConnectionFailures() => new()
    {
        new HttpRequestException("Connection refused (control.cell.example:443)"),
        new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
    };

    [Theory]
    [MemberData(nameof(ConnectionFailures))]
    public async Task RefreshAsync_ConnectionFails_ReturnsTransient(Exception failure)
    {
        using var failing = new FailingHandler(failure);
        using var client = new MomentoRefreshClient(Options, clock, failing);

        var result = await client.RefreshAsync(Bundle(TestKeys.V1("old")), CancellationToken.None);

        Assert.Equal(KeyRefreshStatus.Transient, result.Status);
        Assert.Contains("Unavailable", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_ReplySlowerThanDeadline_ReturnsTransient()
    {
        server.Auth.Delay = Timeout.InfiniteTimeSpan;
        using var client = CreateSut();
        var refresh = client.RefreshAsync(Bundle(TestKeys.V1("old")), CancellationToken.None);
        await server.Auth.WhenCalledAsync();

        clock.Advance(Options.Deadline);
        var result = await refresh;

        Assert.Equal(KeyRefreshStatus.Transient, result.Status);
        Assert.Contains("deadline", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefreshAsync_CallerCancels_Throws()
    {
        server.Auth.Delay = Timeout.InfiniteTimeSpan;
        using var client = CreateSut();
        using var cancellation = new CancellationTokenSource();
        var refresh = client.RefreshAsync(Bundle(TestKeys.V1("old")), cancellation.Token);
        await server.Auth.WhenCalledAsync();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refresh);
    }

    [Fact]
    public async Task RefreshAsync_V2Key_ReturnsNotRefreshableWithoutCalling()
    {
        var result = await RefreshAsync(Bundle(TestKeys.V2("old")));

        Assert.Equal(KeyRefreshStatus.NotRefreshable, result.Status);
        Assert.Contains("v2", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.Calls);
    }

    [Fact]
    public async Task RefreshAsync_NoRefreshToken_ReturnsNotRefreshableWithoutCalling()
    {
        var result = await RefreshAsync(new TokenBundle(TestKeys.V1("old"), refreshToken: null, clock.GetUtcNow().AddDays(1)));

        Assert.Equal(KeyRefreshStatus.NotRefreshable, result.Status);
        Assert.Contains("refresh token", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.Calls);
    }

    [Theory]
    [InlineData("", NewValidUntil, "api_key")]
    [InlineData("new-key", 0L, "valid_until")]
    public async Task RefreshAsync_ReplyMissingField_ReturnsFailedNamingTheField(string apiKey, long validUntil, string field)
    {
        var key = TestKeys.V1("old");
        server.Auth.Grant(key.WireKey, RefreshToken, new RefreshReply(apiKey, NewRefreshToken, TestKeys.Cell, (ulong)validUntil));

        var result = await RefreshAsync(Bundle(key));

        Assert.Equal(KeyRefreshStatus.Failed, result.Status);
        Assert.Contains(field, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonPositiveDeadline_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MomentoRefreshClient(Options with { Deadline = TimeSpan.Zero }, clock));

    private static RefreshReply Reply(string apiKey, string endpoint) => new(apiKey, NewRefreshToken, endpoint, NewValidUntil);

    private TokenBundle Bundle(MomentoKey key) => new(key, RefreshToken, clock.GetUtcNow().AddDays(1));

    private MomentoRefreshClient CreateSut() => new(Options, clock, handler);

    private async Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle)
    {
        using var client = CreateSut();
        return await client.RefreshAsync(bundle, CancellationToken.None);
    }

    private sealed class FailingHandler(Exception failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromException<HttpResponseMessage>(failure);
    }
}
