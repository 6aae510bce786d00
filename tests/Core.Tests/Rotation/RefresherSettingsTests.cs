using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class RefresherSettingsTests
{
    private const string Arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/momento-key-AbCdEf";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromEnvironment_SecretIdMissing_ThrowsNamingTheVariable(string? value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RefresherSettings.FromEnvironment(_ => value));

        Assert.Contains("SECRET_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_SecretIdSet_ReadsIt() =>
        Assert.Equal(Arn, RefresherSettings.FromEnvironment(name => name == "SECRET_ID" ? Arn : null).SecretId);

    [Theory]
    [InlineData(Arn, Arn, true)]
    [InlineData(Arn, "app/momento-key", true)]
    [InlineData("app/momento-key", Arn, true)]
    [InlineData("app/momento-key", "app/momento-key", true)]
    [InlineData(Arn, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/momento-key-XyXyXy", false)]
    [InlineData(Arn, "app/momento", false)]
    [InlineData(Arn, "momento-key", false)]
    [InlineData("app/momento-key", "app/momento-key-AbCdEf", false)]
    public void IsConfiguredSecret_Candidate_MatchesOnlyTheSameSecret(string configured, string candidate, bool expected) =>
        Assert.Equal(expected, new RefresherSettings(configured).IsConfiguredSecret(candidate));
}
