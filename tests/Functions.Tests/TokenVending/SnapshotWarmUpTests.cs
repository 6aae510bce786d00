using MomentoTokenVending.TokenVending;

namespace MomentoTokenVending.Functions.Tests.TokenVending;

public sealed class SnapshotWarmUpTests
{
    // The hook runs in Lambda's init phase with no secret and no network: it must finish on its own data.
    [Fact]
    public void RunAsync_WithNoSecretAndNoNetwork_CompletesAtOnce()
    {
        var warmUp = SnapshotWarmUp.RunAsync();

        Assert.True(warmUp.IsCompletedSuccessfully);
    }
}
