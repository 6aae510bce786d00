using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class SecretSeedPlanTests
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-vending-secret-AbCdEf";

    private static readonly RotationSchedule Daily = RotationSchedule.Parse("rate(1 day)");

    private readonly FakeTimeProvider _clock = new(StackTestData.Now);
    private int _fileReads;

    [Fact]
    public void Decide_NeverDeployed_SeedsFromTheTokenFileAndDecidesRotationFromIt()
    {
        var seed = Assert.IsType<SeedFromTokenFile>(Decide(LastDeployment.None, StackTestData.Bundle()));

        Assert.Equal(1, _fileReads);
        Assert.Equal(StackTestData.RefreshTokenText, seed.Bundle.RefreshToken);
        Assert.True(seed.Rotation.Enabled);
    }

    [Fact]
    public void Decide_NeverDeployedKeyWithoutRefreshToken_SeedsWithRotationOff()
    {
        var seed = Decide(LastDeployment.None, StackTestData.Bundle(refreshToken: null));

        Assert.False(seed.Rotation.Enabled);
        Assert.Contains("Rotation is off", Assert.Single(seed.Rotation.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_CompleteRecord_NeedsNoTokenFileAndKeepsRotationAsRecorded(bool rotationEnabled)
    {
        var seed = Assert.IsType<SeedFromLastDeployment>(SecretSeedPlan.Decide(
            new LastDeployment(SecretArn, rotationEnabled, SeedRecorded: true),
            reseed: false,
            FileMustNotBeRead,
            Daily,
            _clock));

        Assert.Equal(SecretArn, seed.SecretArn);
        Assert.Equal(rotationEnabled, seed.Rotation.Enabled);
        Assert.Empty(seed.Rotation.Warnings);
    }

    [Fact]
    public void Decide_NeverDeployedAndTheFileIsUnusable_FailsNamingTokenFileAndSaysItIsTheFirstDeploy()
    {
        var error = Assert.Throws<StackConfigException>(() => SecretSeedPlan.Decide(LastDeployment.None, reseed: false, MissingFile, Daily, _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("which does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("has not been deployed yet", error.Message, StringComparison.Ordinal);
        Assert.Contains("later runs do not read it", error.Message, StringComparison.Ordinal);
    }

    // Anything short of a complete, well-typed record means the program cannot prove the seed exists: it needs the file.
    public static TheoryData<LastDeployment> IncompleteRecords => new()
    {
        new LastDeployment(SecretArn, RotationEnabled: null, SeedRecorded: false),
        new LastDeployment(SecretArn, RotationEnabled: true, SeedRecorded: false),
        new LastDeployment(SecretArn, RotationEnabled: null, SeedRecorded: true),
        new LastDeployment(SecretArn: null, RotationEnabled: true, SeedRecorded: true),
        new LastDeployment(SecretArn: "", RotationEnabled: true, SeedRecorded: true),
        new LastDeployment(SecretArn: 42.0, RotationEnabled: true, SeedRecorded: true),
        new LastDeployment(SecretArn, RotationEnabled: "true", SeedRecorded: true),
    };

    [Theory]
    [MemberData(nameof(IncompleteRecords))]
    public void Decide_IncompleteRecord_ReadsTheTokenFile(LastDeployment last)
    {
        Assert.IsType<SeedFromTokenFile>(Decide(last, StackTestData.Bundle()));
        Assert.Equal(1, _fileReads);
    }

    [Fact]
    public void Decide_RecordFromAnEarlierVersionAndNoFile_FailsNamingTokenFileAndSaysWhatIsMissing()
    {
        var error = Assert.Throws<StackConfigException>(() => SecretSeedPlan.Decide(
            new LastDeployment(SecretArn, RotationEnabled: null, SeedRecorded: false), reseed: false, MissingFile, Daily, _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("did not record rotationEnabled and seedSecretString", error.Message, StringComparison.Ordinal);
        Assert.Contains("reads the token file once more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ReseedOnADeployedStack_ReadsTheFileAndRedecidesRotation()
    {
        var seed = Decide(new LastDeployment(SecretArn, RotationEnabled: true, SeedRecorded: true), StackTestData.Bundle(refreshToken: null), reseed: true);

        Assert.IsType<SeedFromTokenFile>(seed);
        Assert.False(seed.Rotation.Enabled);
        Assert.Equal(1, _fileReads);
    }

    [Fact]
    public void Decide_ReseedWithoutAFile_FailsNamingTokenFileAndSaysWhyItWasRead()
    {
        var error = Assert.Throws<StackConfigException>(() => SecretSeedPlan.Decide(
            new LastDeployment(SecretArn, RotationEnabled: true, SeedRecorded: true), reseed: true, MissingFile, Daily, _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("momento-token-vending:reseed is true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OtherErrorsFromTheLoader_PassThroughUnchanged()
    {
        var thrown = new StackConfigException(StackConfigKeys.CacheName, "is wrong");

        var error = Assert.Throws<StackConfigException>(() => SecretSeedPlan.Decide(LastDeployment.None, reseed: false, () => throw thrown, Daily, _clock));

        Assert.Same(thrown, error);
    }

    private SecretSeed Decide(LastDeployment last, TokenBundle bundle, bool reseed = false) =>
        SecretSeedPlan.Decide(
            last,
            reseed,
            () =>
            {
                _fileReads++;
                return bundle;
            },
            Daily,
            _clock);

    private static TokenBundle FileMustNotBeRead() => throw new InvalidOperationException("The token file must not be read.");

    private static TokenBundle MissingFile() =>
        throw new StackConfigException(StackConfigKeys.TokenFile, "points to '/x/momento_token.info.json', which does not exist; download it");
}
