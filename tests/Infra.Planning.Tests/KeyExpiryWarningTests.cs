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
}
