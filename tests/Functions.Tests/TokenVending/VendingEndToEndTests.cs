using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.TestUtilities;
using Amazon.Runtime;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Time.Testing;
using Momento.Sdk;
using MomentoTokenVending.ColdStart.Host;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Functions.Tests.TokenRefresh;
using MomentoTokenVending.TestSupport.Momento;
using MomentoTokenVending.TokenVending;

namespace MomentoTokenVending.Functions.Tests.TokenVending;

/// <summary>
/// The vending function as deployed but for its endpoints: its handler, Core, the real Momento.Sdk
/// <see cref="AuthClient"/> and <see cref="CacheClient"/> on the wire to a <see cref="MomentoServer"/>, and a real
/// Secrets Manager client against moto holding the secret as a deploy seeds it. The function and the server share
/// one fake clock, so token expiry, cache TTLs and the function's deadline move together. Every test ends by
/// checking that the log holds no key, token, refresh token or caller IP.
/// </summary>
public sealed class VendingEndToEndTests : IClassFixture<MotoServerFixture>, IAsyncLifetime
{
    private const string CacheName = "browser-cache";
    private const string Caller = "203.0.113.7";
    private const string OtherCaller = "198.51.100.23";

    private readonly MotoServerFixture moto;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestLambdaLogger log = new();
    private readonly TestLambdaContext context;
    private readonly List<MomentoKey> keys = [TestKeys.V1("vending-e2e-key-1")];
    private readonly HashSet<string> callers = [];
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal) { [FunctionEnvironment.CacheName] = CacheName };
    private MomentoServer server = null!;
    private AmazonSecretsManagerClient? secrets;
    private int secretReads;

    public VendingEndToEndTests(MotoServerFixture moto)
    {
        this.moto = moto;
        context = new TestLambdaContext { Logger = log, RemainingTime = TimeSpan.FromSeconds(10) };
    }

    public async Task InitializeAsync()
    {
        server = await MomentoServer.StartAsync(clock);
        server.AcceptOnly(keys[0].WireKey);
    }

    public async Task DisposeAsync()
    {
        secrets?.Dispose();
        await server.DisposeAsync();
    }

    [SkippableFact]
    public async Task HandleAsync_FirstRequest_MintsSubscribeOnlyOnTheCacheAndAllTopicsForTheConfiguredLifetime()
    {
        environment[FunctionEnvironment.TokenLifetimeMinutes] = "30";
        using var sut = await CreateSutAsync();

        var response = await GetTokenAsync(sut, Caller);

        var issued = Assert.Single(server.Token.Issued);
        Assert.Equal([new TopicGrant(TopicAccess.ReadOnly, CacheName)], issued.Request.Permissions);
        Assert.Equal(TimeSpan.FromMinutes(30), issued.Request.ValidFor);
        Assert.Equal(keys[0].WireKey, issued.Request.AuthToken);
        Assert.Equal(keys[0].WireKey, issued.Request.Metadata.Authorization);
        Assert.Contains("dotnet:auth:", issued.Request.Metadata.Agent, StringComparison.Ordinal);
        Assert.Equal(200, response.StatusCode);
        var (token, exp) = Body(response);
        Assert.Equal(issued.ClientToken, token);
        Assert.Equal(issued.ValidUntil.ToUnixTimeSeconds(), exp);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_SameCallerAgain_AnswersFromThisContainersMemoryWithoutAnyMomentoCall()
    {
        using var sut = await CreateSutAsync();
        var first = await GetTokenAsync(sut, Caller);
        var callsAfterFirst = server.Calls;

        var second = await GetTokenAsync(sut, Caller);

        Assert.Equal(Body(first), Body(second));
        Assert.Equal(callsAfterFirst, server.Calls);
        Assert.Equal(1, server.Token.Calls);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_SameCallerAgainWithoutTheContainersMemory_AnswersFromTheMomentoCacheWithoutASecondMint()
    {
        environment[FunctionEnvironment.TokenMemoryEntries] = "0";
        using var sut = await CreateSutAsync();

        var first = await GetTokenAsync(sut, Caller);
        var second = await GetTokenAsync(sut, Caller);

        Assert.Equal(Body(first), Body(second));
        Assert.Equal(1, server.Token.Calls);
        Assert.Equal([false, true], server.Cache.Gets.Select(get => get.Hit));
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_AnotherCaller_MintsASecondToken()
    {
        using var sut = await CreateSutAsync();

        var first = await GetTokenAsync(sut, Caller);
        var second = await GetTokenAsync(sut, OtherCaller);

        Assert.Equal(2, server.Token.Issued.Count);
        Assert.NotEqual(Body(first).Token, Body(second).Token);
        Assert.Equal(server.Token.Issued[1].ClientToken, Body(second).Token);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_Minted_CachesTheTokenForItsLifeLessTheReuseWindow()
    {
        using var sut = await CreateSutAsync();

        await GetTokenAsync(sut, Caller);

        var set = Assert.Single(server.Cache.Sets);
        var exp = Assert.Single(server.Token.Issued).ValidUntil;
        Assert.Equal(CacheName, set.CacheName);
        Assert.Equal(exp - clock.GetUtcNow() - TimeSpan.FromMinutes(5), set.Ttl);
        Assert.StartsWith("token-vending:", set.Key, StringComparison.Ordinal);
        Assert.Equal(CacheName, set.Metadata.Cache);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_SameCallerOnceTheCacheItemExpired_MintsAgain()
    {
        using var sut = await CreateSutAsync();
        await GetTokenAsync(sut, Caller);

        // Past the reuse window: the container's memory drops the token, and the cache item has expired.
        clock.Advance(Assert.Single(server.Cache.Sets).Ttl + TimeSpan.FromSeconds(1));
        await GetTokenAsync(sut, Caller);

        Assert.Equal(2, server.Token.Issued.Count);
        Assert.Equal([false, false], server.Cache.Gets.Select(get => get.Hit));
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_PublishSubscribeWithTopicPrefix_AsksForThosePermissions()
    {
        environment[FunctionEnvironment.TokenScope] = "publish-subscribe";
        environment[FunctionEnvironment.TopicPrefix] = "chat-";
        using var sut = await CreateSutAsync();

        var response = await GetTokenAsync(sut, Caller);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(
            [new TopicGrant(TopicAccess.ReadWrite, CacheName, TopicNamePrefix: "chat-")],
            Assert.Single(server.Token.Issued).Request.Permissions);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_KeyRotatedAndOldKeyRefused_RereadsTheSecretOnceThenAnswers200()
    {
        using var sut = await CreateSutAsync();
        await GetTokenAsync(sut, Caller);
        var rotated = TestKeys.V1("vending-e2e-key-2");
        keys.Add(rotated);
        await secrets!.PutSecretValueAsync(new PutSecretValueRequest { SecretId = environment[FunctionEnvironment.SecretId], SecretString = TestKeys.SecretJson(rotated) });
        server.AcceptOnly(rotated.WireKey);
        var readsBefore = secretReads;

        var response = await GetTokenAsync(sut, OtherCaller);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(1, secretReads - readsBefore);
        Assert.Equal([keys[0].WireKey, keys[0].WireKey, rotated.WireKey], server.Token.Requests.Select(request => request.AuthToken));
        Assert.Equal(server.Token.Issued[^1].ClientToken, Body(response).Token);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_MomentoRateLimited_429WithRetryAfter()
    {
        server.Token.Fault = MomentoFault.RateLimited;
        using var sut = await CreateSutAsync();

        var response = await GetTokenAsync(sut, Caller);

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("1", response.Headers["Retry-After"]);
        Assert.Equal(1, server.Token.Calls);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_CacheServiceDown_StillAnswers200()
    {
        server.Cache.Fault = MomentoFault.Unavailable;
        using var sut = await CreateSutAsync();

        var response = await GetTokenAsync(sut, Caller);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(Assert.Single(server.Token.Issued).ClientToken, Body(response).Token);
        Assert.NotEqual(0, server.Cache.Calls);
        AssertLogHoldsNoSecret();
    }

    [SkippableFact]
    public async Task HandleAsync_MomentoSlowerThanTheTimeLeft_503WithRetryAfter()
    {
        server.Token.Delay = TimeSpan.FromHours(1);
        context.RemainingTime = TimeSpan.FromSeconds(3);
        using var sut = await CreateSutAsync();

        var pending = GetTokenAsync(sut, Caller);
        await server.Token.WhenCalledAsync();
        clock.Advance(context.RemainingTime);
        var response = await pending;

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("1", response.Headers["Retry-After"]);
        Assert.Empty(server.Token.Issued);
        AssertLogHoldsNoSecret();
    }

    private async Task<Function> CreateSutAsync()
    {
        var (arn, _) = await moto.SeedAsDeployedAsync(TestKeys.SecretJson(keys[0]));
        environment[FunctionEnvironment.SecretId] = arn;
        secrets = moto.CreateClient();
        secrets.BeforeRequestEvent += CountSecretReads;
        var momento = new LoopbackMomento(server.Endpoint);
        return new Function(
            environment,
            secrets,
            momento.CreateAuthClient,
            momento.CreateCacheClient,
            clock);
    }

    // Every GetSecretValue the client sends to moto, retries included.
    private void CountSecretReads(object sender, RequestEventArgs e)
    {
        if (e is WebServiceRequestEventArgs { Request: GetSecretValueRequest })
        {
            Interlocked.Increment(ref secretReads);
        }
    }

    private Task<APIGatewayHttpApiV2ProxyResponse> GetTokenAsync(Function sut, string sourceIp)
    {
        callers.Add(sourceIp);
        return sut.HandleAsync(new ApiRequestBuilder().WithSourceIp(sourceIp).Build(), context);
    }

    private static (string Token, long Exp) Body(APIGatewayHttpApiV2ProxyResponse response)
    {
        using var body = JsonDocument.Parse(response.Body);
        return (body.RootElement.GetProperty("token").GetString()!, body.RootElement.GetProperty("exp").GetInt64());
    }

    private void AssertLogHoldsNoSecret()
    {
        var logged = log.Buffer.ToString();
        Assert.NotEmpty(logged);
        var secretTexts = keys.SelectMany(key => new[] { key.Value, key.WireKey })
            .Append(TestKeys.RefreshToken)
            .Concat(server.Token.Issued.SelectMany(token => new[] { token.ApiKey, token.ClientToken }))
            .Concat(callers);
        foreach (var secret in secretTexts)
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }
}
