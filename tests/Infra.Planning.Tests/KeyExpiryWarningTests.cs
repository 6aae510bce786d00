using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class KeyExpiryWarningTests
{
    [Theory]
    [InlineData("rate(1 day)", "48")]
    [InlineData("rate(2 days)", "49")]
    [InlineData("cron(0 3 ? * MON *)", "169")]
    public void Ensure_WarningLongerThanTheLongestGapWithRotationOn_Passes(string schedule, string hours)
    {
        KeyExpiryWarning.Ensure(Settings(schedule, hours), rotationEnabled: true);
    }

    [Theory]
    [InlineData("rate(3 days)", "72")]
    [InlineData("rate(4 days)", "72")]
    [InlineData("cron(0 3 ? * MON *)", "168")]
    [InlineData("cron(0 3 1 * ? *)", "700")]
    public void Ensure_WarningNoLongerThanTheLongestGapWithRotationOn_FailsNamingTheSettingAndTheGap(string schedule, string hours)
    {
        var settings = Settings(schedule, hours);

        var error = Assert.Throws<StackConfigException>(() => KeyExpiryWarning.Ensure(settings, rotationEnabled: true));

        Assert.Equal("momento-token-vending:keyExpiryWarningHours", error.Key);
        Assert.Contains($"({settings.RotationSchedule.LongestInterval.TotalHours} hours)", error.Message, StringComparison.Ordinal);
        Assert.Contains("momento-token-vending:rotationSchedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ensure_RotationOff_IgnoresTheUnusedSchedule()
    {
        KeyExpiryWarning.Ensure(Settings("rate(30 days)", "48"), rotationEnabled: false);
    }

    [Fact]
    public void Ensure_Defaults_PassWithRotationOn()
    {
        KeyExpiryWarning.Ensure(StackSettings.Read(_ => null), rotationEnabled: true);
    }

    private static StackSettings Settings(string schedule, string hours) =>
        StackSettings.Read(key => key switch
        {
            "rotationSchedule" => schedule,
            "keyExpiryWarningHours" => hours,
            _ => null,
        });

    [Fact]
    public void ForKey_LongLivedKeyRotatedDaily_WarnsNothing()
    {
        Assert.Empty(KeyExpiryWarning.ForKey(Settings("rate(1 day)", "72"), StackTestData.Bundle(lifetime: TimeSpan.FromDays(30)), rotationEnabled: true, Clock()));
    }

    [Fact]
    public void ForKey_ShortLivedKeyRotatedDaily_WarnsTheAlarmWouldFireBeforeEveryRotation()
    {
        var warning = Assert.Single(KeyExpiryWarning.ForKey(Settings("rate(1 day)", "72"), StackTestData.Bundle(lifetime: TimeSpan.FromDays(3)), rotationEnabled: true, Clock()));

        Assert.Contains("may have 48 hours left, less than momento-token-vending:keyExpiryWarningHours (72)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(StackTestData.RefreshTokenText, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ForKey_RotationOffAndLessLeftThanTheThreshold_WarnsTheAlarmFiresAtOnce()
    {
        var warning = Assert.Single(KeyExpiryWarning.ForKey(Settings("rate(1 day)", "72"), StackTestData.Bundle(refreshToken: null, lifetime: TimeSpan.FromHours(50)), rotationEnabled: false, Clock()));

        Assert.Contains("valid for 50 more hours", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void ForKey_RotationOffWithMoreLeft_WarnsNothing()
    {
        Assert.Empty(KeyExpiryWarning.ForKey(Settings("rate(1 day)", "72"), StackTestData.Bundle(refreshToken: null, lifetime: TimeSpan.FromDays(10)), rotationEnabled: false, Clock()));
    }

    private static FakeTimeProvider Clock() => new(StackTestData.Now);
}
