using System.Text.Json;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.TestUtilities;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Google.Protobuf;
using Microsoft.Extensions.Time.Testing;
using Momento.Protos.CacheClient;
using Momento.Protos.TokenClient;
using Momento.Sdk;
using Momento.Sdk.Auth.AccessControl;
using Momento.Sdk.Exceptions;
using Momento.Sdk.Responses;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.TokenVending;
using Moq;
// Amazon.SecretsManager.Model has a LimitExceededException too.
using LimitExceededException = Momento.Sdk.Exceptions.LimitExceededException;

namespace MomentoTokenVending.Functions.Tests.TokenVending;

public sealed class FunctionTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key";
    private const string ApiKey = "inner-api-key-secret";
    private const string RefreshToken = "refresh-token-secret";
    private const string MintedToken = "minted-disposable-token-secret";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly string keyText = MomentoKey.WrapV1(ApiKey, "cell-1.example.momentohq.com");
    private readonly Dictionary<string, string?> environment = new(StringComparer.Ordinal)
    {
        [FunctionEnvironment.SecretId] = SecretArn,
        [FunctionEnvironment.CacheName] = "browser-cache",
    };

    private readonly Mock<IAmazonSecretsManager> secrets = new();
    private readonly Mock<IAuthClient> auth = new();
    private readonly Mock<ICacheClient> cache = new();
    private readonly List<MomentoKey> authClientKeys = [];
    private readonly TestLambdaLogger log = new();
    private readonly TestLambdaContext context;
    private readonly FakeTimeProvider clock = new(Now);

    public FunctionTests()
    {
        // TestLambdaContext's RemainingTime defaults to zero, which would leave the handler no time at all.
        context = new TestLambdaContext { Logger = log, RemainingTime = TimeSpan.FromSeconds(10) };
        secrets.Setup(s => s.GetSecretValueAsync(It.IsAny<GetSecretValueRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetSecretValueResponse { SecretString = SecretJson() });
        cache.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<string>()))
            .ReturnsAsync(new CacheGetResponse.Miss());
        cache.Setup(c => c.SetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan?>()))
            .ReturnsAsync(new CacheSetResponse.Success());
        auth.Setup(a => a.GenerateDisposableTokenAsync(It.IsAny<DisposableTokenScope>(), It.IsAny<ExpiresIn>(), It.IsAny<string?>()))
            .ReturnsAsync(() => Minted(Now.AddHours(1)));
    }

    [Fact]
    public async Task HandleAsync_CacheMiss_200WithTokenAndExpAndNoStore()
    {
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("no-store", response.Headers!["Cache-Control"]);
        Assert.Equal("application/json", response.Headers!["Content-Type"]);
        using var body = JsonDocument.Parse(response.Body!);
        Assert.Equal(ExpectedBrowserToken(), body.RootElement.GetProperty("token").GetString());
        Assert.Equal(Now.AddHours(1).ToUnixTimeSeconds(), body.RootElement.GetProperty("exp").GetInt64());
        Assert.Equal(2, body.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public async Task HandleAsync_CacheMiss_MintsSubscribeOnlyOnAllTopicsForTheConfiguredLifetime()
    {
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        auth.Verify(a => a.GenerateDisposableTokenAsync(
            It.Is<DisposableTokenScope>(s => s.Permissions.Count == 1
                && s.Permissions[0].Equals(new DisposableToken.TopicPermission(TopicRole.SubscribeOnly, CacheSelector.ByName("browser-cache"), TopicSelector.AllTopics))),
            It.Is<ExpiresIn>(e => e.Seconds() == 3600),
            It.IsAny<string?>()));
    }

    [Fact]
    public async Task HandleAsync_PublishSubscribeWithPrefix_MintsThatScope()
    {
        environment[FunctionEnvironment.TokenScope] = "publish-subscribe";
        environment[FunctionEnvironment.TopicPrefix] = "chat-";
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        auth.Verify(a => a.GenerateDisposableTokenAsync(
            It.Is<DisposableTokenScope>(s => s.Permissions.Count == 1
                && s.Permissions[0].Equals(new DisposableToken.TopicPermission(TopicRole.PublishSubscribe, CacheSelector.ByName("browser-cache"), TopicSelector.ByTopicNamePrefix("chat-")))),
            It.IsAny<ExpiresIn>(),
            It.IsAny<string?>()));
    }

    [Fact]
    public async Task HandleAsync_CacheMiss_StoresTheTokenInTheConfiguredCacheWithTtlFromExp()
    {
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        // One hour of life minus the default five-minute reuse window.
        cache.Verify(c => c.SetAsync("browser-cache", It.IsAny<string>(), It.IsAny<string>(), TimeSpan.FromMinutes(55)));
    }

    [Fact]
    public async Task HandleAsync_CacheHoldsAFreshToken_ReturnsItWithoutMinting()
    {
        var exp = Now.AddMinutes(30).ToUnixTimeSeconds();
        cache.Setup(c => c.GetAsync("browser-cache", It.IsAny<string>()))
            .ReturnsAsync(new CacheGetResponse.Hit(new _GetResponse { CacheBody = ByteString.CopyFromUtf8($"{exp}:cached-token") }));
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains("cached-token", response.Body!, StringComparison.Ordinal);
        auth.Verify(a => a.GenerateDisposableTokenAsync(It.IsAny<DisposableTokenScope>(), It.IsAny<ExpiresIn>(), It.IsAny<string?>()), Times.Never());
    }

    [Fact]
    public async Task HandleAsync_CacheDown_StillAnswers200()
    {
        cache.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<string>()))
            .ReturnsAsync(new CacheGetResponse.Error(new ServerUnavailableException("cache is down", Transport())));
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_MomentoSlowerThanTheFunctionsTimeLeft_503WithRetryAfter()
    {
        var neverAnswers = new TaskCompletionSource<GenerateDisposableTokenResponse>();
        auth.Setup(a => a.GenerateDisposableTokenAsync(It.IsAny<DisposableTokenScope>(), It.IsAny<ExpiresIn>(), It.IsAny<string?>()))
            .Returns(neverAnswers.Task);
        context.RemainingTime = TimeSpan.FromSeconds(3);
        using var sut = CreateSut();

        var pending = sut.HandleAsync(new ApiRequestBuilder().Build(), context);
        clock.Advance(TimeSpan.FromSeconds(3));
        var response = await pending;

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("1", response.Headers!["Retry-After"]);
        AssertGenericError(response);
    }

    [Fact]
    public async Task HandleAsync_RateLimited_429WithRetryAfter()
    {
        auth.Setup(a => a.GenerateDisposableTokenAsync(It.IsAny<DisposableTokenScope>(), It.IsAny<ExpiresIn>(), It.IsAny<string?>()))
            .ReturnsAsync(new GenerateDisposableTokenResponse.Error(new LimitExceededException("Request rate exceeded the limits for this account", "operations rate limit exceeded", Transport())));
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("1", response.Headers!["Retry-After"]);
        Assert.Equal("no-store", response.Headers!["Cache-Control"]);
    }

    [Fact]
    public async Task HandleAsync_KeyRejectedTwice_500AfterOneReread()
    {
        auth.Setup(a => a.GenerateDisposableTokenAsync(It.IsAny<DisposableTokenScope>(), It.IsAny<ExpiresIn>(), It.IsAny<string?>()))
            .ReturnsAsync(new GenerateDisposableTokenResponse.Error(new AuthenticationException("invalid key", Transport())));
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(500, response.StatusCode);
        AssertGenericError(response);
        secrets.Verify(s => s.GetSecretValueAsync(It.IsAny<GetSecretValueRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task HandleAsync_SecretsManagerFails_500WithGenericBody()
    {
        secrets.Setup(s => s.GetSecretValueAsync(It.IsAny<GetSecretValueRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ResourceNotFoundException("Secrets Manager can't find the specified secret."));
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(500, response.StatusCode);
        AssertGenericError(response);
    }

    [Fact]
    public async Task HandleAsync_ReadsTheCurrentVersionOfTheConfiguredSecret()
    {
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        secrets.Verify(s => s.GetSecretValueAsync(
            It.Is<GetSecretValueRequest>(r => r.SecretId == SecretArn && r.VersionStage == "AWSCURRENT"),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandleAsync_ManyRequestsWithOneKey_CreatesTheAuthClientOnce()
    {
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().Build(), context);
        await sut.HandleAsync(new ApiRequestBuilder().WithSourceIp("198.51.100.1").Build(), context);

        Assert.Single(authClientKeys);
        Assert.Equal(keyText, authClientKeys[0].Value);
    }

    [Fact]
    public async Task HandleAsync_SpoofedForwardedForHeader_IsIgnored()
    {
        var itemKeys = new List<string>();
        cache.Setup(c => c.GetAsync(It.IsAny<string>(), Capture.In(itemKeys))).ReturnsAsync(new CacheGetResponse.Miss());
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().WithHeader("X-Forwarded-For", "192.0.2.1").Build(), context);
        await sut.HandleAsync(new ApiRequestBuilder().WithHeader("X-Forwarded-For", "192.0.2.2").Build(), context);

        Assert.Single(itemKeys.Distinct(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("null event")]
    [InlineData("no request context")]
    [InlineData("no http description")]
    [InlineData("no source ip")]
    [InlineData("source ip not an address")]
    public async Task HandleAsync_MalformedEvent_400WithoutCallingAnything(string malformation)
    {
        APIGatewayHttpApiV2ProxyRequest? request = malformation switch
        {
            "null event" => null,
            "no request context" => new APIGatewayHttpApiV2ProxyRequest(),
            "no http description" => new APIGatewayHttpApiV2ProxyRequest { RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext() },
            "no source ip" => new ApiRequestBuilder().WithSourceIp(null).Build(),
            _ => new ApiRequestBuilder().WithSourceIp("not-an-ip").Build(),
        };
        using var sut = CreateSut();

        var response = await sut.HandleAsync(request, context);

        Assert.Equal(400, response.StatusCode);
        AssertGenericError(response);
        secrets.VerifyNoOtherCalls();
        auth.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_BadSettings_500AndLogsTheProblemWithoutCallingAnything()
    {
        environment[FunctionEnvironment.TokenLifetimeMinutes] = "forever";
        using var sut = CreateSut();

        var response = await sut.HandleAsync(new ApiRequestBuilder().Build(), context);

        Assert.Equal(500, response.StatusCode);
        AssertGenericError(response);
        Assert.Contains("misconfigured", log.Buffer.ToString(), StringComparison.Ordinal);
        secrets.VerifyNoOtherCalls();
        Assert.Empty(authClientKeys);
    }

    [Fact]
    public async Task HandleAsync_EveryOutcome_LogsNoSecretKeyTokenOrIp()
    {
        const string CallerIp = "203.0.113.99";
        cache.SetupSequence(c => c.GetAsync(It.IsAny<string>(), It.IsAny<string>()))
            .ReturnsAsync(new CacheGetResponse.Error(new ServerUnavailableException("cache is down", Transport())))
            .ReturnsAsync(new CacheGetResponse.Miss());
        auth.SetupSequence(a => a.GenerateDisposableTokenAsync(It.IsAny<DisposableTokenScope>(), It.IsAny<ExpiresIn>(), It.IsAny<string?>()))
            .ReturnsAsync(new GenerateDisposableTokenResponse.Error(new AuthenticationException("invalid key", Transport())))
            .ReturnsAsync(Minted(Now.AddHours(1)))
            .ReturnsAsync(new GenerateDisposableTokenResponse.Error(new AuthenticationException("invalid key", Transport())))
            .ReturnsAsync(new GenerateDisposableTokenResponse.Error(new AuthenticationException("invalid key", Transport())));
        using var sut = CreateSut();

        await sut.HandleAsync(new ApiRequestBuilder().WithSourceIp(CallerIp).Build(), context);
        await sut.HandleAsync(new ApiRequestBuilder().WithSourceIp("198.51.100.1").Build(), context);
        await sut.HandleAsync(new ApiRequestBuilder().WithSourceIp("not-an-ip").Build(), context);

        var logged = log.Buffer.ToString();
        Assert.NotEmpty(logged);
        foreach (var secret in new[] { keyText, ApiKey, RefreshToken, MintedToken, ExpectedBrowserToken(), CallerIp, "198.51.100.1", "not-an-ip" })
        {
            Assert.DoesNotContain(secret, logged, StringComparison.Ordinal);
        }
    }

    private Function CreateSut() => new(
        environment,
        secrets.Object,
        key =>
        {
            authClientKeys.Add(key);
            return auth.Object;
        },
        _ => cache.Object,
        clock);

    private string SecretJson() => new TokenBundle(MomentoKey.Parse(keyText), RefreshToken, Now.AddDays(30)).ToJson();

    private static GenerateDisposableTokenResponse.Success Minted(DateTimeOffset expiresAt) => new(new _GenerateDisposableTokenResponse
    {
        ApiKey = MintedToken,
        Endpoint = "cell-1.example.momentohq.com",
        ValidUntil = (ulong)expiresAt.ToUnixTimeSeconds(),
    });

    // The SDK hands the browser base64 of {"endpoint", "api_key"}, which the function passes on unchanged.
    private static string ExpectedBrowserToken() => Minted(Now.AddHours(1)).AuthToken;

    private static MomentoErrorTransportDetails Transport() =>
        new(new MomentoGrpcErrorDetails(Grpc.Core.StatusCode.Unavailable, "test"));

    private static void AssertGenericError(APIGatewayHttpApiV2ProxyResponse response)
    {
        Assert.Equal("no-store", response.Headers!["Cache-Control"]);
        using var body = JsonDocument.Parse(response.Body!);
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("error").ValueKind);
        Assert.Single(body.RootElement.EnumerateObject());
    }
}
