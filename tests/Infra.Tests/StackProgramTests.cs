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

        Assert.False(args.Seed.Rotation.Enabled);
        Assert.Equal(96, args.Settings.KeyExpiryWarningHours);
    }

    [Fact]
    public async Task PrepareAsync_FirstDeployWithoutTokenFile_FailsNamingTokenFileBeforeDeclaringAnything()
    {
        var error = await Assert.ThrowsAsync<StackConfigException>(() => _builder.WithoutTokenFile().PrepareAsync());

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("has not been deployed yet", error.Message, StringComparison.Ordinal);
        Assert.Empty(_builder.Published);
        Assert.Empty(_builder.Mocks.Declared);
        Assert.Empty(_builder.Preflight.Asked);
    }

    [Fact]
    public async Task DeployAsync_FirstDeployWithoutTokenFile_DeclaresNoResource()
    {
        await Assert.ThrowsAsync<StackConfigException>(() => _builder.WithoutTokenFile().DeployAsync());

        Assert.Empty(_builder.Mocks.Declared);
    }

    [Fact]
    public async Task PrepareAsync_FirstDeploy_ReadsItsOwnStackOutputsByItsFullName()
    {
        await _builder.PrepareAsync();

        var self = Assert.Single(_builder.Mocks.Registered, r => r.Type == StackMocks.StackReferenceType);
        Assert.Equal("organization/momento-token-vending/test", (string)self.Inputs["name"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PrepareAsync_DeployedStackWithoutTokenFile_KeepsRotationAsRecordedAndTheLastSeed(bool rotationEnabled)
    {
        var args = await _builder.WithoutTokenFile().AfterADeployment(rotationEnabled).PrepareAsync();

        var seed = Assert.IsType<SeedFromLastDeployment>(args.Seed);
        Assert.Equal(rotationEnabled, seed.Rotation.Enabled);
        Assert.Empty(args.Warnings);
        Assert.True(await Output.IsSecretAsync(args.SeedSecretString));
        Assert.Equal(StackRunBuilder.LastSeedText, await Pulumi.Utilities.OutputUtilities.GetValueAsync(args.SeedSecretString));
        Assert.Empty(_builder.Preflight.Asked);
        Assert.Equal(2, _builder.Published.Count);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"authToken\": \"x\", \"validUntil\": 1}")]
    public async Task PrepareAsync_DeployedStackWithStaleOrBrokenFile_IgnoresTheFile(string content)
    {
        var args = await _builder.WithTokenFileContent(content).AfterADeployment().PrepareAsync();

        Assert.IsType<SeedFromLastDeployment>(args.Seed);
    }

    [Fact]
    public async Task PrepareAsync_StackDeployedByAnEarlierVersion_ReadsTheFileOnceMore()
    {
        var args = await _builder
            .WithLastOutputs(new(StringComparer.Ordinal) { ["secretArn"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf" })
            .PrepareAsync();

        Assert.IsType<SeedFromTokenFile>(args.Seed);
    }

    [Fact]
    public async Task PrepareAsync_FirstDeploy_ChecksTheFilesKeyWithMomento()
    {
        await _builder.PrepareAsync();

        var key = Assert.Single(_builder.Preflight.Asked);
        Assert.Equal(Core.Tokens.MomentoKeyKind.V1, key.Kind);
    }

    [Fact]
    public async Task PrepareAsync_MomentoRejectsTheKey_FailsNamingTokenFileBeforeBuildingAnything()
    {
        _builder.Preflight.Answer = new MomentoRefused("AUTHENTICATION_ERROR", "Invalid signature");

        var error = await Assert.ThrowsAsync<StackConfigException>(() => _builder.PrepareAsync());

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Empty(_builder.Published);
        Assert.Empty(_builder.Mocks.Declared);
    }

    [Fact]
    public async Task PrepareAsync_CacheMissing_FailsNamingCacheName()
    {
        _builder.Preflight.Answer = new CachesListed(["other-cache"]);

        var error = await Assert.ThrowsAsync<StackConfigException>(() => _builder.WithConfig("cacheName", "chat").PrepareAsync());

        Assert.Equal("momento-token-vending:cacheName", error.Key);
        Assert.Contains("other-cache", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_MomentoUnreachable_WarnsAndGoesOn()
    {
        _builder.Preflight.Answer = new NoAnswer(TimeSpan.FromSeconds(15));

        var args = await _builder.PrepareAsync();

        Assert.Contains(args.Warnings, w => w.Contains("did not answer within 15 s", StringComparison.Ordinal));
        Assert.Equal(2, _builder.Published.Count);
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

        Assert.True(args.Seed.Rotation.Enabled);
        Assert.Empty(args.Warnings);
    }

    [Fact]
    public async Task PrepareAsync_NoRefreshToken_DisablesRotationAndSaysWhy()
    {
        var args = await _builder.WithoutRefreshToken().PrepareAsync();

        Assert.False(args.Seed.Rotation.Enabled);
        Assert.Contains("no refresh token", Assert.Single(args.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_ScheduleLongerThanHalfTheKeyLife_Warns()
    {
        var args = await _builder.WithConfig("rotationSchedule", "rate(20 days)").WithConfig("keyExpiryWarningHours", "500").PrepareAsync();

        Assert.True(args.Seed.Rotation.Enabled);
        Assert.Contains(args.Warnings, w => w.StartsWith("momento-token-vending:rotationSchedule", StringComparison.Ordinal));
        // 30 days of key less 20 days between rotations is below the 500 h threshold.
        Assert.Contains(args.Warnings, w => w.Contains("the key-expiry alarm would fire before every rotation", StringComparison.Ordinal));
    }
}
