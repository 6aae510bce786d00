using System.Globalization;
using CsCheck;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class RotationScheduleTests
{
    [Theory]
    [InlineData("rate(1 day)", 24, 24)]
    [InlineData("rate(4 hours)", 4, 4)]
    [InlineData("rate(23 hours)", 23, 23)]
    [InlineData("rate(7 days)", 168, 168)]
    [InlineData("cron(0 2 * * ? *)", 24, 24)]
    [InlineData("cron(15 0/6 * * ? *)", 6, 6)]
    [InlineData("cron(0 */8 ? * * *)", 8, 8)]
    [InlineData("cron(0 1,5,20 * * ? *)", 4, 15)]
    [InlineData("cron(0 8-20/4 * * ? *)", 4, 12)]
    public void Parse_EveryDaySchedule_KnowsItsIntervals(string expression, int shortestHours, int longestHours)
    {
        var schedule = RotationSchedule.Parse(expression);

        Assert.Equal(expression, schedule.Expression);
        Assert.Equal(TimeSpan.FromHours(shortestHours), schedule.ShortestInterval);
        Assert.Equal(TimeSpan.FromHours(longestHours), schedule.LongestInterval);
    }

    [Theory]
    [InlineData("cron(0 3 ? * MON *)", 7)]
    [InlineData("cron(0 3 ? * MON-FRI *)", 7)]
    [InlineData("cron(0 3 1 * ? *)", 31)]
    [InlineData("cron(0 3 1 1,7 ? *)", 366)]
    public void Parse_RestrictedDays_BoundsTheLongestInterval(string expression, int longestDays)
    {
        var schedule = RotationSchedule.Parse(expression);

        Assert.Equal(TimeSpan.FromDays(longestDays), schedule.LongestInterval);
    }

    [Fact]
    public void Parse_SurroundingSpaces_AreTrimmed()
    {
        Assert.Equal("rate(2 days)", RotationSchedule.Parse("  rate(2 days) ").Expression);
    }

    [Theory]
    [InlineData("rate(1 hour)")]
    [InlineData("rate(3 hours)")]
    [InlineData("rate(240 minutes)")]
    [InlineData("rate(0 days)")]
    [InlineData("rate(1001 days)")]
    [InlineData("rate(1 days)")]
    [InlineData("rate(2 day)")]
    [InlineData("rate(-1 days)")]
    [InlineData("rate(1  day)")]
    [InlineData("Rate(1 day)")]
    [InlineData("rate(1 week)")]
    [InlineData("cron(0 */2 * * ? *)")]
    [InlineData("cron(0 1,3 * * ? *)")]
    [InlineData("cron(0 0,22 * * ? *)")]
    [InlineData("cron(0/30 2 * * ? *)")]
    [InlineData("cron(* 2 * * ? *)")]
    [InlineData("cron(60 2 * * ? *)")]
    [InlineData("cron(0 * * * ? *)")]
    [InlineData("cron(0 24 * * ? *)")]
    [InlineData("cron(0 *-5 * * ? *)")]
    [InlineData("cron(0 5-1 * * ? *)")]
    [InlineData("cron(0 0/0 * * ? *)")]
    [InlineData("cron(0 MON * * ? *)")]
    [InlineData("cron(0 2 * * * *)")]
    [InlineData("cron(0 2 ? * ? *)")]
    [InlineData("cron(0 2 * * ? 2027)")]
    [InlineData("cron(0 2 * * ?)")]
    [InlineData("cron()")]
    [InlineData("")]
    [InlineData("daily")]
    public void Parse_BadOrTooFrequentExpression_ThrowsFormatException(string expression)
    {
        var error = Assert.Throws<FormatException>(() => RotationSchedule.Parse(expression));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Parse_AnyRate_AcceptsExactlyFourHoursToAThousandDays()
    {
        Gen.Select(Gen.Int[1, 30000], Gen.Bool).Sample((value, hours) =>
        {
            var unit = (hours ? "hour" : "day") + (value == 1 ? string.Empty : "s");
            var expression = string.Create(CultureInfo.InvariantCulture, $"rate({value} {unit})");
            var interval = hours ? TimeSpan.FromHours(value) : TimeSpan.FromDays(value);
            var allowed = interval >= TimeSpan.FromHours(4) && interval <= TimeSpan.FromDays(1000);

            if (allowed)
            {
                Assert.Equal(interval, RotationSchedule.Parse(expression).ShortestInterval);
            }
            else
            {
                Assert.Throws<FormatException>(() => RotationSchedule.Parse(expression));
            }
        });
    }

    [Fact]
    public void Parse_AnyHourList_AcceptsOnlyFiringsAtLeastFourHoursApartAroundTheClock()
    {
        Gen.Int[0, 23].HashSet[1, 8].Sample(hours =>
        {
            var sorted = hours.Order().ToList();
            var gaps = sorted.Zip(sorted.Skip(1), (a, b) => b - a).Append(24 - sorted[^1] + sorted[0]).ToList();
            var expression = $"cron(0 {string.Join(',', hours)} * * ? *)";

            if (gaps.Min() >= 4)
            {
                var schedule = RotationSchedule.Parse(expression);
                Assert.Equal(TimeSpan.FromHours(gaps.Min()), schedule.ShortestInterval);
                Assert.Equal(TimeSpan.FromHours(gaps.Max()), schedule.LongestInterval);
            }
            else
            {
                Assert.Throws<FormatException>(() => RotationSchedule.Parse(expression));
            }
        });
    }
}
