using System.Text.Json;
using CsCheck;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class KeyLifeMetricTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Format_KeyValidTenDays_IsTheExactEmfLine()
    {
        var line = KeyLifeMetric.Format(SecretArn, Now.AddDays(10), Now);

        Assert.Equal(
            """{"_aws":{"Timestamp":1795435200000,"CloudWatchMetrics":[{"Namespace":"MomentoTokenVending","Dimensions":[["SecretId"]],"Metrics":[{"Name":"KeyHoursRemaining","Unit":"None"}]}]},"""
            + $"\"SecretId\":\"{SecretArn}\",\"KeyHoursRemaining\":240}}",
            line);
    }

    [Theory]
    [InlineData(90, 1.5)]
    [InlineData(1, 0.02)]
    [InlineData(0, 0)]
    [InlineData(-1, -0.02)]
    [InlineData(-0.1, 0)]
    [InlineData(-150, -2.5)]
    public void Format_MinutesLeft_ReportsHoursRoundedToAHundredth(double minutes, double hours)
    {
        using var line = JsonDocument.Parse(KeyLifeMetric.Format(SecretArn, Now.AddMinutes(minutes), Now));

        Assert.Equal(hours, line.RootElement.GetProperty("KeyHoursRemaining").GetDouble());
    }

    [Fact]
    public void Format_KeyExpiredSecondsAgo_ReportsZeroNotMinusZero()
    {
        var line = KeyLifeMetric.Format(SecretArn, Now.AddSeconds(-5), Now);

        Assert.EndsWith("\"KeyHoursRemaining\":0}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_KeyExpiredAYearAgo_ReportsANegativeFigure()
    {
        var line = KeyLifeMetric.Format(SecretArn, Now.AddDays(-365), Now);

        Assert.EndsWith("\"KeyHoursRemaining\":-8760}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AnyTimes_IsOneLineWhoseMetadataNamesTheValueAndDimensionItCarries() =>
        Gen.Select(Gen.Long[-100_000_000_000, 100_000_000_000], Gen.Long[0, 4_000_000_000_000]).Sample((offsetMs, nowMs) =>
        {
            var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
            var validUntil = now.AddMilliseconds(offsetMs);

            var line = KeyLifeMetric.Format(SecretArn, validUntil, now);

            Assert.DoesNotContain('\n', line);
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var aws = root.GetProperty("_aws");
            Assert.Equal(nowMs, aws.GetProperty("Timestamp").GetInt64());
            var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray());
            var dimension = Assert.Single(Assert.Single(directive.GetProperty("Dimensions").EnumerateArray()).EnumerateArray()).GetString()!;
            var metric = Assert.Single(directive.GetProperty("Metrics").EnumerateArray()).GetProperty("Name").GetString()!;
            Assert.Equal(SecretArn, root.GetProperty(dimension).GetString());
            Assert.Equal(offsetMs / 3_600_000.0, root.GetProperty(metric).GetDouble(), 0.005 + 1e-9);
        });

    [Fact]
    public void Format_NoSecret_Throws()
    {
        Assert.Throws<ArgumentException>(() => KeyLifeMetric.Format(string.Empty, Now, Now));
    }
}
