using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
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

    private MomentoKeySource CreateSut() => new(secrets.Object, "secret", TimeSpan.FromMinutes(5), time);
}
