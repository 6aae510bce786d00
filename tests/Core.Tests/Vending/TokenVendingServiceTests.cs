using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;
using Moq;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class TokenVendingServiceTests
{
    private readonly VendingServiceFixture fixture = new();

    [Fact]
    public async Task VendAsync_CacheHoldsFreshToken_ReturnsItWithoutMinting()
    {
        var cached = fixture.Token("cached-token", TimeSpan.FromMinutes(30));
        fixture.CacheHolds(cached);

        var result = await VendAsync();

        Assert.Equal(VendOutcome.Vended, result.Outcome);
        Assert.Equal("cached-token", result.Token!.Token);
        Assert.Equal(cached.ExpiresAt, result.Token.ExpiresAt);
        fixture.VerifyMinted(Times.Never());
    }

    [Fact]
    public async Task VendAsync_CacheMiss_MintsWithConfiguredScopeAndLifetime()
    {
        fixture.Environment.With(FunctionEnvironment.TopicPrefix, "chat-").With(FunctionEnvironment.TokenLifetimeMinutes, "90");

        var result = await VendAsync();

        Assert.Equal(VendingServiceFixture.MintedTokenText, result.Token!.Token);
        fixture.Minter.Verify(m => m.MintAsync(
            It.Is<MomentoKey>(k => k.Value == fixture.Key.Value),
            It.Is<TokenScope>(s => s.CacheName == "browser-cache" && s.Role == TokenRole.SubscribeOnly && s.TopicPrefix == "chat-"),
            TimeSpan.FromMinutes(90),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task VendAsync_CacheMiss_CachesUntilTheTokenLeavesTheReuseWindow()
    {
        var exp = fixture.Time.GetUtcNow().AddMinutes(47).AddSeconds(13);
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.Minted(new VendedToken("short-token", exp)));

        await VendAsync();

        // TTL = exp - now - reuse (5 min): derived from the token, not a fixed number.
        fixture.Cache.Verify(c => c.SetAsync(
            It.Is<MomentoKey>(k => k.Value == fixture.Key.Value),
            It.Is<string>(k => k.StartsWith(TokenVendingService.CacheKeyPrefix, StringComparison.Ordinal)),
            $"{exp.ToUnixTimeSeconds()}:short-token",
            TimeSpan.FromMinutes(42) + TimeSpan.FromSeconds(13),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task VendAsync_CachedTokenWithExactlyTheReuseWindowLeft_ReusesIt()
    {
        fixture.CacheHolds(fixture.Token("boundary-token", TimeSpan.FromMinutes(5)));

        var result = await VendAsync();

        Assert.Equal("boundary-token", result.Token!.Token);
        fixture.VerifyMinted(Times.Never());
    }

    [Fact]
    public async Task VendAsync_CachedTokenOneSecondInsideTheReuseWindow_MintsANewOne()
    {
        fixture.CacheHolds(fixture.Token("nearly-expired-token", TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1)));

        var result = await VendAsync();

        Assert.Equal(VendingServiceFixture.MintedTokenText, result.Token!.Token);
        fixture.VerifyMinted(Times.Once());
    }

    [Fact]
    public async Task VendAsync_CachedTokenAlreadyExpired_MintsANewOne()
    {
        fixture.CacheHolds(fixture.Token("expired-token", TimeSpan.FromMinutes(-1)));

        var result = await VendAsync();

        Assert.Equal(VendingServiceFixture.MintedTokenText, result.Token!.Token);
    }

    [Fact]
    public async Task VendAsync_ReuseWindowZero_ReusesATokenUntilItsLastSecond()
    {
        fixture.Environment.With(FunctionEnvironment.TokenReuseMinutes, "0");
        fixture.CacheHolds(fixture.Token("last-second-token", TimeSpan.FromSeconds(1)));

        var result = await VendAsync();

        Assert.Equal("last-second-token", result.Token!.Token);
    }

    [Fact]
    public async Task VendAsync_MintedTokenShorterThanTheReuseWindow_IsNotCached()
    {
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.Minted(fixture.Token("brief-token", TimeSpan.FromMinutes(5))));

        var result = await VendAsync();

        Assert.Equal("brief-token", result.Token!.Token);
        fixture.Cache.Verify(
            c => c.SetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()),
            Times.Never());
    }

    [Fact]
    public async Task VendAsync_UnreadableCacheEntry_MintsAndWarns()
    {
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("not-a-cached-token");

        var result = await VendAsync();

        Assert.Equal(VendingServiceFixture.MintedTokenText, result.Token!.Token);
        Assert.Contains(fixture.Logger.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 122);
    }

    [Fact]
    public async Task VendAsync_ThousandConcurrentRequestsForOneCaller_MintsOnce()
    {
        var mint = new TaskCompletionSource<MintResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns(mint.Task);
        var sut = fixture.CreateSut();
        var requests = new Task<VendResult>[1000];

        // Every call joins (or starts) the caller's flight before it returns; the mint is still pending.
        Parallel.For(0, requests.Length, i => requests[i] = sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None));
        mint.SetResult(MintResult.Minted(fixture.Token("shared-token", TimeSpan.FromHours(1))));
        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.Equal("shared-token", r.Token!.Token));
        fixture.VerifyMinted(Times.Once());
        fixture.Secrets.Verify(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task VendAsync_AfterAFlightLands_TheNextRequestStartsANewOne()
    {
        // Without the memory of handed-out tokens, which answers repeats on its own.
        fixture.Environment.With(FunctionEnvironment.TokenMemoryEntries, "0");
        var sut = fixture.CreateSut();

        await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
        await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);

        // The cache mock always misses, so each landed flight minted on its own.
        fixture.VerifyMinted(Times.Exactly(2));
    }

    [Fact]
    public async Task VendAsync_TwoCallers_UseDifferentCacheItems()
    {
        var sut = fixture.CreateSut();
        var itemKeys = new List<string>();
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), Capture.In(itemKeys), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);

        await sut.VendAsync("198.51.100.1", fixture.Logger, CancellationToken.None);
        await sut.VendAsync("198.51.100.2", fixture.Logger, CancellationToken.None);

        Assert.Equal(2, itemKeys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task VendAsync_SameIpv6AddressWrittenTwoWays_UsesOneCacheItem()
    {
        var sut = fixture.CreateSut();
        var itemKeys = new List<string>();
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), Capture.In(itemKeys), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);

        await sut.VendAsync("2001:db8::1", fixture.Logger, CancellationToken.None);
        await sut.VendAsync("2001:0DB8:0:0:0:0:0:1", fixture.Logger, CancellationToken.None);

        Assert.Single(itemKeys.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public async Task VendAsync_CacheItemKey_DoesNotContainTheIp()
    {
        var itemKeys = new List<string>();
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), Capture.In(itemKeys), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);

        await VendAsync();

        var itemKey = Assert.Single(itemKeys);
        Assert.Matches("^token-vending:[0-9a-f]{64}$", itemKey);
    }

    [Fact]
    public async Task VendAsync_CacheReadFails_MintsAnywayAndWarnsWithoutTheIp()
    {
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TokenCacheException("SERVER_UNAVAILABLE"));

        var result = await VendAsync();

        Assert.Equal(VendingServiceFixture.MintedTokenText, result.Token!.Token);
        var warning = Assert.Single(fixture.Logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("SERVER_UNAVAILABLE", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VendingServiceFixture.CallerIp, warning.AllText, StringComparison.Ordinal);
        // A cache that failed to read is not written to in the same request.
        fixture.Cache.Verify(
            c => c.SetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()),
            Times.Never());
    }

    [Fact]
    public async Task VendAsync_CacheMissing_MintsAndLogsOneErrorNamingCacheNamePerContainer()
    {
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TokenCacheException(TokenCacheException.NotFoundCode));
        var sut = fixture.CreateSut();

        var first = await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
        var second = await sut.VendAsync("198.51.100.9", fixture.Logger, CancellationToken.None);

        Assert.Equal(VendingServiceFixture.MintedTokenText, first.Token!.Token);
        Assert.Equal(VendingServiceFixture.MintedTokenText, second.Token!.Token);
        var error = Assert.Single(fixture.Logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("CACHE_NAME", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{fixture.Settings.Scope.CacheName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(VendingServiceFixture.CallerIp, error.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VendAsync_CacheMissingInAnotherContainer_IsReportedThereToo()
    {
        fixture.Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TokenCacheException(TokenCacheException.NotFoundCode));

        await fixture.CreateSut().VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
        await fixture.CreateSut().VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);

        Assert.Equal(2, fixture.Logger.Entries.Count(e => e.Level == LogLevel.Error));
    }

    [Fact]
    public async Task VendAsync_CacheWriteFails_StillReturnsTheToken()
    {
        fixture.Cache.Setup(c => c.SetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TokenCacheException("TIMEOUT_ERROR"));

        var result = await VendAsync();

        Assert.Equal(VendingServiceFixture.MintedTokenText, result.Token!.Token);
        Assert.Contains(fixture.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("TIMEOUT_ERROR", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VendAsync_KeyRejected_RereadsTheSecretOnceAndRetriesWithTheNewKey()
    {
        var rotated = TestKeys.V1("rotated-secret-api-key");
        fixture.Secrets.SetupSequence(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(fixture.Key))
            .ReturnsAsync(TestKeys.SecretJson(rotated));
        fixture.Minter.Setup(m => m.MintAsync(It.Is<MomentoKey>(k => k.Value == fixture.Key.Value), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.AuthenticationFailed);
        fixture.Minter.Setup(m => m.MintAsync(It.Is<MomentoKey>(k => k.Value == rotated.Value), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.Minted(fixture.Token("after-reread-token", TimeSpan.FromHours(1))));

        var result = await VendAsync();

        Assert.Equal("after-reread-token", result.Token!.Token);
        fixture.Secrets.Verify(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        fixture.VerifyMinted(Times.Exactly(2));
    }

    [Fact]
    public async Task VendAsync_KeyRejectedTwice_FailsAfterOneRereadAndOneRetry()
    {
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.AuthenticationFailed);

        var result = await VendAsync();

        Assert.Same(VendResult.Failed, result);
        fixture.Secrets.Verify(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        fixture.VerifyMinted(Times.Exactly(2));
        Assert.Contains(fixture.Logger.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task VendAsync_RateLimited_ReturnsRateLimitedWithoutRetrying()
    {
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.RateLimited);

        var result = await VendAsync();

        Assert.Same(VendResult.RateLimited, result);
        fixture.VerifyMinted(Times.Once());
    }

    [Fact]
    public async Task VendAsync_MintFails_ReturnsFailedAndLogsTheErrorCode()
    {
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.Failed("INTERNAL_SERVER_ERROR"));

        var result = await VendAsync();

        Assert.Same(VendResult.Failed, result);
        var error = Assert.Single(fixture.Logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("INTERNAL_SERVER_ERROR", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-an-ip")]
    [InlineData("203.0.113.7, 198.51.100.1")]
    public async Task VendAsync_NoUsableSourceIp_BadRequestWithoutTouchingAnyPort(string? sourceIp)
    {
        var result = await fixture.CreateSut().VendAsync(sourceIp, fixture.Logger, CancellationToken.None);

        Assert.Same(VendResult.BadRequest, result);
        fixture.Secrets.VerifyNoOtherCalls();
        fixture.Cache.VerifyNoOtherCalls();
        fixture.Minter.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task VendAsync_WithinTheKeyTtl_ReadsTheSecretOnce()
    {
        var sut = fixture.CreateSut();

        await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
        fixture.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);

        fixture.Secrets.Verify(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task VendAsync_AfterTheKeyTtl_ReadsTheSecretAgain()
    {
        // Without the memory of handed-out tokens, which answers repeats on its own.
        fixture.Environment.With(FunctionEnvironment.TokenMemoryEntries, "0");
        var sut = fixture.CreateSut();

        await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);

        fixture.Secrets.Verify(
            s => s.ReadSecretAsync("arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key", It.IsAny<CancellationToken>()),
            Times.Exactly(2));
    }

    [Fact]
    public async Task VendAsync_SecretHoldsAV2Key_ThrowsNamingAuthTokenWithoutTheKey()
    {
        var v2 = TestKeys.V2();
        fixture.Secrets.Setup(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(v2));

        var error = await Assert.ThrowsAsync<TokenFormatException>(VendAsync);

        Assert.Equal("authToken", error.Field);
        Assert.Contains("v2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(v2.Value, error.Message, StringComparison.Ordinal);
        fixture.VerifyMinted(Times.Never());
    }

    [Fact]
    public async Task VendAsync_SecretIsNotABundle_ThrowsTokenFormatException()
    {
        fixture.Secrets.Setup(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("{\"authToken\": 42}");

        await Assert.ThrowsAsync<TokenFormatException>(VendAsync);
    }

    [Fact]
    public async Task VendAsync_SecretReadFailedOnce_NextRequestReadsAgain()
    {
        fixture.Secrets.SetupSequence(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret store down"))
            .ReturnsAsync(TestKeys.SecretJson(fixture.Key));
        var sut = fixture.CreateSut();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None));
        var result = await sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);

        Assert.Equal(VendOutcome.Vended, result.Outcome);
    }

    [Fact]
    public async Task VendAsync_OneCallerStopsWaiting_TheOthersStillGetTheToken()
    {
        var mint = new TaskCompletionSource<MintResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        fixture.Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns(mint.Task);
        var sut = fixture.CreateSut();
        using var leaving = new CancellationTokenSource();

        var first = sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, leaving.Token);
        var second = sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
        await leaving.CancelAsync();
        mint.SetResult(MintResult.Minted(fixture.Token("patient-token", TimeSpan.FromHours(1))));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("patient-token", (await second).Token!.Token);
        fixture.VerifyMinted(Times.Once());
    }

    [Fact]
    public async Task VendAsync_EveryPath_LogsNoTokenKeyOrIp()
    {
        var rotated = TestKeys.V1("rotated-secret-api-key");
        fixture.Secrets.SetupSequence(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(fixture.Key))
            .ReturnsAsync(TestKeys.SecretJson(rotated));
        fixture.Cache.SetupSequence(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("garbage-entry")
            .ThrowsAsync(new TokenCacheException("SERVER_UNAVAILABLE"))
            .ReturnsAsync("1:expired-cached-token");
        fixture.Cache.Setup(c => c.SetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TokenCacheException("TIMEOUT_ERROR"));
        fixture.Minter.SetupSequence(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MintResult.AuthenticationFailed)
            .ReturnsAsync(MintResult.Minted(fixture.Token("first-minted-secret-token", TimeSpan.FromHours(1))))
            .ReturnsAsync(MintResult.RateLimited)
            .ReturnsAsync(MintResult.Failed("INTERNAL_SERVER_ERROR"));
        var sut = fixture.CreateSut();
        string[] ips = ["203.0.113.7", "2001:db8::77", "198.51.100.99", "not-an-ip-but-secret"];

        foreach (var ip in ips)
        {
            await sut.VendAsync(ip, fixture.Logger, CancellationToken.None);
        }

        // Every log line vending has: key read (twice), rejected, unreadable entry, cache write and read failures,
        // rate limit, mint failure, no source IP.
        Assert.Equal(
            [100, 100, 101, 110, 111, 120, 121, 122, 130],
            fixture.Logger.Entries.Select(e => e.EventId.Id).Order());
        string[] secrets =
        [
            fixture.Key.Value, fixture.Key.WireKey, rotated.Value, rotated.WireKey, "refresh-token-secret",
            "first-minted-secret-token", "expired-cached-token", "garbage-entry", .. ips, "token-vending:",
        ];
        foreach (var entry in fixture.Logger.Entries)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, entry.AllText, StringComparison.Ordinal);
            }
        }
    }

    private Task<VendResult> VendAsync() =>
        fixture.CreateSut().VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);
}
