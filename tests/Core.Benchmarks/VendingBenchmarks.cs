using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Benchmarks;

/// <summary>
/// The vending hot path over in-memory ports: no I/O, so this is the service's own cost. The shared-cache rows run
/// with the container's memory of handed-out tokens off (else every repeat after the first would be a warm repeat);
/// the warm-repeat row runs with it on, for a caller it already answered.
/// </summary>
[MemoryDiagnoser]
public class VendingBenchmarks
{
    private const string CallerIp = "203.0.113.7";

    private TokenVendingService hit = null!;
    private TokenVendingService miss = null!;
    private TokenVendingService reuseRefused = null!;
    private TokenVendingService warm = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var time = TimeProvider.System;
        var settings = Settings(memoryEntries: 0);
        var secret = new TokenBundle(
            MomentoKey.Parse(MomentoKey.WrapV1("benchmark-api-key", "cell-1.example.momentohq.com")),
            "refresh-token",
            time.GetUtcNow().AddDays(30)).ToJson();
        var secrets = new FixedSecret(secret);
        var minter = new FixedMinter(new VendedToken("minted-token", time.GetUtcNow().AddHours(1)));

        hit = new TokenVendingService(settings, secrets, minter, new FixedCache(Entry(time.GetUtcNow().AddMinutes(30))), time);
        miss = new TokenVendingService(settings, secrets, minter, new FixedCache(entry: null), time);
        reuseRefused = new TokenVendingService(settings, secrets, minter, new FixedCache(Entry(time.GetUtcNow().AddMinutes(2))), time);
        warm = new TokenVendingService(Settings(VendingSettings.DefaultMemoryEntries), secrets, minter, new FixedCache(entry: null), time);
        await warm.VendAsync(CallerIp, NullLogger.Instance, CancellationToken.None);
    }

    [Benchmark(Baseline = true)]
    public Task<VendResult> CacheHit() => hit.VendAsync(CallerIp, NullLogger.Instance, CancellationToken.None);

    [Benchmark]
    public Task<VendResult> CacheMiss() => miss.VendAsync(CallerIp, NullLogger.Instance, CancellationToken.None);

    [Benchmark]
    public Task<VendResult> ReuseRefused() => reuseRefused.VendAsync(CallerIp, NullLogger.Instance, CancellationToken.None);

    [Benchmark]
    public Task<VendResult> WarmRepeat() => warm.VendAsync(CallerIp, NullLogger.Instance, CancellationToken.None);

    private static VendingSettings Settings(int memoryEntries) => VendingSettings.FromEnvironment(new Dictionary<string, string?>
    {
        [FunctionEnvironment.SecretId] = "momento-key",
        [FunctionEnvironment.CacheName] = "browser-cache",
        [FunctionEnvironment.TokenMemoryEntries] = memoryEntries.ToString(CultureInfo.InvariantCulture),
    });

    private static string Entry(DateTimeOffset expiresAt) => $"{expiresAt.ToUnixTimeSeconds()}:cached-token";

    private sealed class FixedSecret(string json) : ISecretReader
    {
        private readonly Task<string> value = Task.FromResult(json);

        public Task<string> ReadSecretAsync(string secretId, CancellationToken cancellationToken) => value;
    }

    private sealed class FixedMinter(VendedToken token) : ITokenMinter
    {
        private readonly Task<MintResult> result = Task.FromResult(MintResult.Minted(token));

        public Task<MintResult> MintAsync(MomentoKey key, TokenScope scope, TimeSpan lifetime, CancellationToken cancellationToken) => result;
    }

    private sealed class FixedCache(string? entry) : ITokenCache
    {
        private readonly Task<string?> value = Task.FromResult(entry);

        public Task<string?> GetAsync(MomentoKey key, string itemKey, CancellationToken cancellationToken) => value;

        public Task SetAsync(MomentoKey key, string itemKey, string value, TimeSpan ttl, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
