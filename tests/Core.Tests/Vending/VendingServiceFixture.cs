using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Tests.Logging;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;
using Moq;

namespace MomentoTokenVending.Core.Tests.Vending;

/// <summary>
/// The service over Moq'd ports: by default the secret holds <see cref="Key"/>, the cache misses and
/// accepts writes, and the minter issues a token valid for the configured lifetime.
/// </summary>
internal sealed class VendingServiceFixture
{
    public const string CallerIp = "203.0.113.7";
    public const string MintedTokenText = "minted-token-secret";

    public VendingServiceFixture()
    {
        Secrets.Setup(s => s.ReadSecretAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(Key));
        Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string?)null);
        Cache.Setup(c => c.SetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        Minter.Setup(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => MintResult.Minted(Token(MintedTokenText, Settings.TokenLifetime)));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public MomentoKey Key { get; } = TestKeys.V1();

    public VendingEnvironmentBuilder Environment { get; } = new();

    public VendingSettings Settings => Environment.BuildSettings();

    public Mock<ISecretReader> Secrets { get; } = new(MockBehavior.Strict);

    public Mock<ITokenCache> Cache { get; } = new(MockBehavior.Strict);

    public Mock<ITokenMinter> Minter { get; } = new(MockBehavior.Strict);

    public CapturingLogger Logger { get; } = new();

    public TokenVendingService CreateSut() => new(Settings, Secrets.Object, Minter.Object, Cache.Object, Time);

    /// <summary>A token that expires <paramref name="remaining"/> from the fake clock's now.</summary>
    public VendedToken Token(string text, TimeSpan remaining) => new(text, Time.GetUtcNow() + remaining);

    public void CacheHolds(VendedToken token) =>
        Cache.Setup(c => c.GetAsync(It.IsAny<MomentoKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync($"{token.ExpiresAt.ToUnixTimeSeconds()}:{token.Token}");

    public void VerifyMinted(Times times) =>
        Minter.Verify(m => m.MintAsync(It.IsAny<MomentoKey>(), It.IsAny<TokenScope>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), times);
}
