using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class RotationPlanTests
{
    private readonly FakeTimeProvider _clock = new(StackTestData.Now);

    [Fact]
    public void Decide_RefreshableKeyDailyRotation_EnablesWithoutWarnings()
    {
        var plan = RotationPlan.Decide(StackTestData.Bundle(), RotationSchedule.Parse("rate(1 day)"), _clock);

        Assert.True(plan.Enabled);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Decide_NoRefreshToken_DisablesAndSaysWhy()
    {
        var plan = RotationPlan.Decide(StackTestData.Bundle(refreshToken: null), RotationSchedule.Parse("rate(1 day)"), _clock);

        Assert.False(plan.Enabled);
        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("Rotation is off: the token file has no refresh token", warning, StringComparison.Ordinal);
        Assert.Contains("2026-12-23 12:00:00Z", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_V2Key_DisablesAndSaysWhyWithoutTheToken()
    {
        var plan = RotationPlan.Decide(StackTestData.Bundle(key: StackTestData.V2Key()), RotationSchedule.Parse("rate(1 day)"), _clock);

        Assert.False(plan.Enabled);
        var warning = Assert.Single(plan.Warnings);
        Assert.Contains("v2 API key", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(StackTestData.RefreshTokenText, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_IntervalOverHalfTheRemainingLifetime_WarnsNamingTheKey()
    {
        var plan = RotationPlan.Decide(StackTestData.Bundle(lifetime: TimeSpan.FromDays(15)), RotationSchedule.Parse("rate(8 days)"), _clock);

        Assert.True(plan.Enabled);
        var warning = Assert.Single(plan.Warnings);
        Assert.StartsWith("momento-token-vending:rotationSchedule ", warning, StringComparison.Ordinal);
        Assert.Contains("8 days between rotations", warning, StringComparison.Ordinal);
        Assert.Contains("(15 days)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_IntervalExactlyHalfTheRemainingLifetime_DoesNotWarn()
    {
        var plan = RotationPlan.Decide(StackTestData.Bundle(lifetime: TimeSpan.FromDays(2)), RotationSchedule.Parse("rate(1 day)"), _clock);

        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Decide_WeeklyCronOnAShortKey_WarnsInHours()
    {
        var plan = RotationPlan.Decide(StackTestData.Bundle(lifetime: TimeSpan.FromHours(30)), RotationSchedule.Parse("cron(0 3 ? * MON *)"), _clock);

        Assert.Contains("(30 hours)", Assert.Single(plan.Warnings), StringComparison.Ordinal);
    }
}
