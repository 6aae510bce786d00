using CsCheck;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;
using Moq;

namespace MomentoTokenVending.Core.Tests.Vending;

/// <summary>The per-container memory of handed-out tokens in front of the Momento token cache.</summary>
public sealed class TokenVendingServiceMemoryTests
{
    private readonly VendingServiceFixture fixture = new();

    [Fact]
    public async Task VendAsync_RepeatAfterAMint_AnswersTheSameTokenWithNoPortCall()
    {
        var sut = fixture.CreateSut();
        var first = await VendAsync(sut);
        ForgetCalls();

        var repeat = await VendAsync(sut);

        Assert.Equal(first.Token!.Token, repeat.Token!.Token);
        Assert.Equal(first.Token.ExpiresAt, repeat.Token.ExpiresAt);
        VerifyNoPortCalls();
    }

    [Fact]
    public async Task VendAsync_RepeatAfterAMomentoCacheHit_AnswersTheSameTokenWithNoPortCall()
    {
        fixture.CacheHolds(fixture.Token("cached-token", TimeSpan.FromMinutes(30)));
        var sut = fixture.CreateSut();
        await VendAsync(sut);
        ForgetCalls();

        var repeat = await VendAsync(sut);

        Assert.Equal("cached-token", repeat.Token!.Token);
        VerifyNoPortCalls();
    }

    [Fact]
    public async Task VendAsync_RepeatAfterTheKeyTtl_StillReadsNoSecret()
    {
        var sut = fixture.CreateSut();
        await VendAsync(sut);
        ForgetCalls();

        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        await VendAsync(sut);

        VerifyNoPortCalls();
    }

    [Fact]
    public async Task VendAsync_RepeatWithExactlyTheReuseWindowLeft_MakesNoPortCall()
    {
        var sut = fixture.CreateSut();
        var first = await VendAsync(sut);
        ForgetCalls();

        fixture.Time.Advance(fixture.Settings.TokenLifetime - fixture.Settings.ReuseWindow);
        var repeat = await VendAsync(sut);

        Assert.Equal(first.Token!.Token, repeat.Token!.Token);
        VerifyNoPortCalls();
    }

    [Fact]
    public async Task VendAsync_RepeatOneSecondInsideTheReuseWindow_AsksTheTokenCacheAndMints()
    {
        var sut = fixture.CreateSut();
        await VendAsync(sut);
        ForgetCalls();

        fixture.Time.Advance(fixture.Settings.TokenLifetime - fixture.Settings.ReuseWindow + TimeSpan.FromSeconds(1));
        await VendAsync(sut);

        fixture.Cache.Verify(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());
        fixture.VerifyMinted(Times.Once());
    }

    [Fact]
    public async Task VendAsync_MemoryEntriesZero_EveryRepeatAsksTheTokenCache()
    {
        fixture.Environment.With(FunctionEnvironment.TokenMemoryEntries, "0");
        fixture.CacheHolds(fixture.Token("cached-token", TimeSpan.FromMinutes(30)));
        var sut = fixture.CreateSut();

        await VendAsync(sut);
        await VendAsync(sut);

        fixture.Cache.Verify(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task VendAsync_MoreCallersThanEntries_CallersBeyondTheBoundAskTheTokenCache()
    {
        fixture.Environment.With(FunctionEnvironment.TokenMemoryEntries, "2");
        fixture.CacheHolds(fixture.Token("cached-token", TimeSpan.FromMinutes(30)));
        var sut = fixture.CreateSut();
        string[] callers = ["198.51.100.1", "198.51.100.2", "198.51.100.3"];
        foreach (var caller in callers)
        {
            await sut.VendAsync(caller, fixture.Logger, CancellationToken.None);
        }

        ForgetCalls();
        foreach (var caller in callers)
        {
            await sut.VendAsync(caller, fixture.Logger, CancellationToken.None);
        }

        fixture.Cache.Verify(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task VendAsync_ManyConcurrentCallersBeyondTheBound_EachGetsOneTokenMintedOnce()
    {
        fixture.Environment.With(FunctionEnvironment.TokenMemoryEntries, "8");
        var world = new World(fixture.Settings, fixture.Time);
        var ips = Enumerable.Range(1, 40).Select(i => $"198.51.100.{i}").ToArray();

        var results = new (string Ip, string Token)[4000];
        await Parallel.ForAsync(0, results.Length, async (i, _) =>
        {
            var ip = ips[i % ips.Length];
            var result = await world.Service.VendAsync(ip, fixture.Logger, CancellationToken.None);
            results[i] = (ip, result.Token!.Token);
        });

        Assert.All(results.GroupBy(r => r.Ip), caller => Assert.Single(caller.Select(r => r.Token).Distinct()));
        Assert.Equal(ips.Length, world.Mints);
    }

    // What a caller receives does not depend on the memory: the same requests at the same instants get the same
    // answers with it as without it, over a token cache that honours its TTL, and never cost more calls.
    [Fact]
    public async Task VendAsync_AnyRequestsAndClockSteps_AnswerAsWithoutMemoryWithNoMoreCalls()
    {
        var step = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 8], Gen.Bool);
        await Gen.Select(Gen.Int[1, 4], step.Array[1, 40]).SampleAsync(async (entries, steps) =>
        {
            var environment = new VendingEnvironmentBuilder()
                .With(FunctionEnvironment.TokenLifetimeMinutes, "10")
                .With(FunctionEnvironment.TokenReuseMinutes, "3");
            var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
            var withMemory = new World(environment.With(FunctionEnvironment.TokenMemoryEntries, $"{entries}").BuildSettings(), new FakeTimeProvider(start));
            var without = new World(environment.With(FunctionEnvironment.TokenMemoryEntries, "0").BuildSettings(), new FakeTimeProvider(start));

            foreach (var (caller, minutes, extraSecond) in steps)
            {
                var advance = TimeSpan.FromMinutes(minutes) + (extraSecond ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
                withMemory.Time.Advance(advance);
                without.Time.Advance(advance);
                var ip = $"203.0.113.{caller}";

                var expected = await without.Service.VendAsync(ip, fixture.Logger, CancellationToken.None);
                var actual = await withMemory.Service.VendAsync(ip, fixture.Logger, CancellationToken.None);

                Assert.Equal(expected.Token!.Token, actual.Token!.Token);
                Assert.Equal(expected.Token.ExpiresAt, actual.Token.ExpiresAt);
            }

            Assert.True(withMemory.Calls <= without.Calls);
        });
    }

    private Task<VendResult> VendAsync(TokenVendingService sut) =>
        sut.VendAsync(VendingServiceFixture.CallerIp, fixture.Logger, CancellationToken.None);

    private void ForgetCalls()
    {
        fixture.Secrets.Invocations.Clear();
        fixture.Cache.Invocations.Clear();
        fixture.Minter.Invocations.Clear();
    }

    private void VerifyNoPortCalls()
    {
        fixture.Secrets.VerifyNoOtherCalls();
        fixture.Cache.VerifyNoOtherCalls();
        fixture.Minter.VerifyNoOtherCalls();
    }

    /// <summary>
    /// The service over in-memory ports that count their calls: a token cache that honours TTLs on the given clock,
    /// and a minter that issues a new whole-second token each time (as Momento does).
    /// </summary>
    private sealed class World : ISecretReader, ITokenMinter, ITokenCache
    {
        private readonly Dictionary<string, (string Value, DateTimeOffset Until)> items = new(StringComparer.Ordinal);
        private readonly Lock gate = new();
        private int calls;
        private int mints;

        public World(VendingSettings settings, FakeTimeProvider time)
        {
            Time = time;
            Service = new TokenVendingService(settings, this, this, this, time);
        }

        public FakeTimeProvider Time { get; }

        public TokenVendingService Service { get; }

        public int Calls => Volatile.Read(ref calls);

        public int Mints => Volatile.Read(ref mints);

        public Task<string> ReadSecretAsync(string secretId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(TestKeys.SecretJson(TestKeys.V1()));
        }

        public Task<MintResult> MintAsync(MomentoKey key, TokenScope scope, TimeSpan lifetime, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            var serial = Interlocked.Increment(ref mints);
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds((Time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
            return Task.FromResult(MintResult.Minted(new VendedToken($"minted-{serial}", expiresAt)));
        }

        public Task<string?> GetAsync(MomentoKey key, string itemKey, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            lock (gate)
            {
                // Alive up to and including its last instant, as the reuse rule counts "exactly the window left".
                return Task.FromResult(items.TryGetValue(itemKey, out var item) && Time.GetUtcNow() <= item.Until ? item.Value : null);
            }
        }

        public Task SetAsync(MomentoKey key, string itemKey, string value, TimeSpan ttl, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            lock (gate)
            {
                items[itemKey] = (value, Time.GetUtcNow() + ttl);
            }

            return Task.CompletedTask;
        }
    }
}
