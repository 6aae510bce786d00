using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra.Tests;

[Collection(PulumiDeployments.Name)]
public sealed class StackProgramTests : IDisposable
{
    private readonly StackRunBuilder _builder = new();

    public void Dispose() => _builder.Dispose();

    [Theory]
    [InlineData("tokenLifetime", "0")]
    [InlineData("rotationSchedule", "rate(1 hour)")]
    [InlineData("allowedOrigins", "app.example.com")]
    [InlineData("logRetentionDays", "10")]
    [InlineData("keyExpiryWarningHours", "24")]
    public async Task PrepareAsync_BadConfigValue_FailsNamingTheKeyBeforeBuildingAnything(string key, string value)
    {
        var error = await Assert.ThrowsAsync<StackConfigException>(() => _builder.WithConfig(key, value).PrepareAsync());

        Assert.Equal($"momento-token-vending:{key}", error.Key);
        Assert.Empty(_builder.Published);
    }

    [Fact]
    public async Task PrepareAsync_KeyExpiryWarningWithinTheRotationGap_FailsNamingItBeforeBuildingAnything()
    {
        var error = await Assert.ThrowsAsync<StackConfigException>(
            () => _builder.WithConfig("rotationSchedule", "rate(4 days)").WithConfig("keyExpiryWarningHours", "96").PrepareAsync());

        Assert.Equal("momento-token-vending:keyExpiryWarningHours", error.Key);
        Assert.Empty(_builder.Published);
    }

    [Fact]
    public async Task PrepareAsync_KeyExpiryWarningWithinAnUnusedRotationGap_PassesWithoutRotation()
    {
        var args = await _builder.WithoutRefreshToken().WithConfig("rotationSchedule", "rate(4 days)").WithConfig("keyExpiryWarningHours", "96").PrepareAsync();

        Assert.False(args.Rotation.Enabled);
        Assert.Equal(96, args.Settings.KeyExpiryWarningHours);
    }

    [Fact]
    public async Task PrepareAsync_NoTokenFile_FailsNamingTokenFile()
    {
        var error = await Assert.ThrowsAsync<StackConfigException>(() => _builder.WithoutTokenFile().PrepareAsync());

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Empty(_builder.Published);
    }

    [Fact]
    public async Task PrepareAsync_Valid_PublishesVendingThenRefreshFromTheRepository()
    {
        var args = await _builder.PrepareAsync();

        Assert.Equal([FunctionProject.Vending(_builder.ProjectDirectory), FunctionProject.Refresh(_builder.ProjectDirectory)], _builder.Published);
        Assert.NotNull(args.VendingCode);
        Assert.NotNull(args.RefreshCode);
    }

    [Fact]
    public async Task PrepareAsync_Valid_SeedsTheCanonicalFileContentAsASecret()
    {
        var args = await _builder.PrepareAsync();

        Assert.True(await Output.IsSecretAsync(args.SeedSecretString));
        var seed = await Pulumi.Utilities.OutputUtilities.GetValueAsync(args.SeedSecretString);
        Assert.Contains(StackRunBuilder.RefreshTokenText, seed, StringComparison.Ordinal);
        Assert.StartsWith("{\"authToken\":", seed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_RefreshableKey_EnablesRotationQuietly()
    {
        var args = await _builder.PrepareAsync();

        Assert.True(args.Rotation.Enabled);
        Assert.Empty(args.Rotation.Warnings);
    }

    [Fact]
    public async Task PrepareAsync_NoRefreshToken_DisablesRotationAndSaysWhy()
    {
        var args = await _builder.WithoutRefreshToken().PrepareAsync();

        Assert.False(args.Rotation.Enabled);
        Assert.Contains("no refresh token", Assert.Single(args.Rotation.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_ScheduleLongerThanHalfTheKeyLife_Warns()
    {
        var args = await _builder.WithConfig("rotationSchedule", "rate(20 days)").WithConfig("keyExpiryWarningHours", "500").PrepareAsync();

        Assert.True(args.Rotation.Enabled);
        Assert.StartsWith("momento-token-vending:rotationSchedule", Assert.Single(args.Rotation.Warnings), StringComparison.Ordinal);
    }
}
