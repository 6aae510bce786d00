using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Tests.Logging;
using MomentoTokenVending.Core.Vending;
using Moq;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class MomentoKeySourceTests
{
    private readonly Mock<ISecretReader> secrets = new();
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task RereadAsync_AnotherCallerAlreadyReplacedTheRejectedKey_ReturnsItWithoutReading()
    {
        secrets.SetupSequence(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("first")))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("second")));
        var sut = CreateSut();
        var rejected = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);
        var replaced = await sut.RereadAsync(rejected, NullLogger.Instance, CancellationToken.None);

        var again = await sut.RereadAsync(rejected, NullLogger.Instance, CancellationToken.None);

        Assert.Same(replaced, again);
        secrets.Verify(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task RereadAsync_CurrentKeyIsTheRejectedOne_ReadsAtOnceEvenWithinTheTtl()
    {
        secrets.Setup(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1()));
        var sut = CreateSut();
        var rejected = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);

        await sut.RereadAsync(rejected, NullLogger.Instance, CancellationToken.None);

        secrets.Verify(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task GetAsync_ReadAfterTheTtlFails_KeepsServingTheHeldKeyAndWarnsWithoutDetails()
    {
        secrets.SetupSequence(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("held")))
            .ThrowsAsync(new InvalidOperationException("secret store down"));
        var logger = new CapturingLogger();
        var sut = CreateSut();
        var held = await sut.GetAsync(logger, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));

        var key = await sut.GetAsync(logger, CancellationToken.None);

        Assert.Same(held, key);
        var warning = Assert.Single(logger.Entries, e => e.EventId.Id == 103);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(nameof(InvalidOperationException), warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret store down", warning.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_SecretInTheWrongShapeAfterTheTtl_KeepsServingTheHeldKey()
    {
        secrets.SetupSequence(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("held")))
            .ReturnsAsync("{\"authToken\": 42}");
        var sut = CreateSut();
        var held = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.Same(held, await sut.GetAsync(NullLogger.Instance, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_AfterAFailedRead_ReadsAgainOnlyOnceTheRetryDelayHasPassed()
    {
        secrets.SetupSequence(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("held")))
            .ThrowsAsync(new InvalidOperationException("secret store down"))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("rotated")));
        var sut = CreateSut();
        var held = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        await sut.GetAsync(NullLogger.Instance, CancellationToken.None);

        time.Advance(MomentoKeySource.RetryAfterFailedRead - TimeSpan.FromSeconds(1));
        var withinDelay = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterDelay = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);

        Assert.Same(held, withinDelay);
        Assert.Equal(TestKeys.V1("rotated").Value, afterDelay.Value);
        secrets.Verify(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task RereadAsync_ReadFails_ThrowsRatherThanReturnTheRejectedKey()
    {
        secrets.SetupSequence(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestKeys.SecretJson(TestKeys.V1("rejected")))
            .ThrowsAsync(new InvalidOperationException("secret store down"));
        var sut = CreateSut();
        var rejected = await sut.GetAsync(NullLogger.Instance, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.RereadAsync(rejected, NullLogger.Instance, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_FirstReadFails_Throws()
    {
        secrets.Setup(s => s.ReadSecretAsync("secret", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret store down"));
        var sut = CreateSut();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.GetAsync(NullLogger.Instance, CancellationToken.None).AsTask());
    }

    private MomentoKeySource CreateSut() => new(secrets.Object, "secret", TimeSpan.FromMinutes(5), time);
}
