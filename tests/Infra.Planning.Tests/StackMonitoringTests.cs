using System.Text.Json;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class StackMonitoringTests
{
    [Fact]
    public void AccessLogFormat_IsOneJsonObjectOfContextVariables()
    {
        using var json = JsonDocument.Parse(StackMonitoring.AccessLogFormat);

        Assert.All(json.RootElement.EnumerateObject(), p => Assert.StartsWith("$context.", p.Value.GetString()!, StringComparison.Ordinal));
        Assert.Equal("$context.requestId", json.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("$context.status", json.RootElement.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("sourceIp")]
    [InlineData("userAgent")]
    [InlineData("identity")]
    [InlineData("header")]
    [InlineData("authorizer")]
    public void AccessLogFormat_LogsNoIpOrHeader(string variable)
    {
        Assert.DoesNotContain(variable, StackMonitoring.AccessLogFormat, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RotationFailedPattern_Secret_MatchesItsFailedAndAbandonedRotationsOnly()
    {
        const string secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:momento-key-AbCdEf";

        using var json = JsonDocument.Parse(StackMonitoring.RotationFailedPattern(secretArn));

        var root = json.RootElement;
        Assert.Equal(["aws.secretsmanager"], Strings(root.GetProperty("source")));
        Assert.Equal(["AWS Service Event via CloudTrail"], Strings(root.GetProperty("detail-type")));
        var detail = root.GetProperty("detail");
        Assert.Equal(["secretsmanager.amazonaws.com"], Strings(detail.GetProperty("eventSource")));
        Assert.Equal(["RotationFailed", "RotationAbandoned"], Strings(detail.GetProperty("eventName")));
        Assert.Equal([secretArn], Strings(detail.GetProperty("additionalEventData").GetProperty("SecretId")));
    }

    [Fact]
    public void RotationFailedInputTemplate_EveryPlaceholderFilled_IsOneReadableJsonString()
    {
        var message = StackMonitoring.RotationFailedInputPaths.Keys.Aggregate(
            StackMonitoring.RotationFailedInputTemplate, (text, name) => text.Replace($"<{name}>", $"[{name}]", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(message);
        Assert.Equal(
            "Secrets Manager reported [event] for the Momento key secret [secret] (account [account], [region]) at [time]. "
            + "The current key keeps working until its validUntil. See the refresh function's log and README, 'When a rotation fails'.",
            json.RootElement.GetString());
    }

    [Fact]
    public void RotationFailedInputPaths_PassOnlyTheSecretTheEventAndItsTimeAndPlace()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["account"] = "$.account",
                ["event"] = "$.detail.eventName",
                ["region"] = "$.region",
                ["secret"] = "$.detail.additionalEventData.SecretId",
                ["time"] = "$.time",
            },
            StackMonitoring.RotationFailedInputPaths);
    }

    [Fact]
    public void AlarmTopicPolicy_LetsTheAlarmsAndTheRotationRulePublishOnlyThroughTheirSourceArns()
    {
        const string topicArn = "arn:aws:sns:us-east-1:123456789012:alarms";
        const string ruleArn = "arn:aws:events:us-east-1:123456789012:rule/rotation-failed";
        string[] alarmArns = ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:a", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:b"];

        using var json = JsonDocument.Parse(StackMonitoring.AlarmTopicPolicy(topicArn, ruleArn, alarmArns).ToJson());

        var statements = json.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Principal").GetProperty("Service").GetString()!);
        Assert.Equal(["cloudwatch.amazonaws.com", "events.amazonaws.com"], statements.Keys);
        Assert.All(statements.Values, statement =>
        {
            Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            Assert.Equal(["sns:Publish"], Strings(statement.GetProperty("Action")));
            Assert.Equal([topicArn], Strings(statement.GetProperty("Resource")));
            Assert.Equal(["ArnEquals"], statement.GetProperty("Condition").EnumerateObject().Select(o => o.Name));
        });
        Assert.Equal(alarmArns, SourceArns(statements["cloudwatch.amazonaws.com"]));
        Assert.Equal([ruleArn], SourceArns(statements["events.amazonaws.com"]));
    }

    [Fact]
    public void AlarmTopicPolicy_NoAlarms_Throws()
    {
        Assert.Throws<ArgumentException>(() => StackMonitoring.AlarmTopicPolicy("arn:aws:sns:us-east-1:123456789012:alarms", "arn:aws:events:us-east-1:123456789012:rule/r", []));
    }

    [Fact]
    public void KeyLifeWatchdogPeriods_AreTwoDaysOfHours()
    {
        Assert.Equal(TimeSpan.FromHours(1), StackMonitoring.KeyLifeAlarmPeriod);
        Assert.Equal(48, StackMonitoring.KeyLifeWatchdogPeriods);
    }

    [Fact]
    public void KeyCheckInput_IsTheCheckEvent()
    {
        Assert.Equal("""{"check":{}}""", StackMonitoring.KeyCheckInput);
    }

    [Fact]
    public void KeyCheckSchedule_IsDailyAndParsesAsARate()
    {
        Assert.Equal("rate(1 day)", StackMonitoring.KeyCheckSchedule);
        Assert.Equal(TimeSpan.FromDays(1), RotationSchedule.Parse(StackMonitoring.KeyCheckSchedule).LongestInterval);
    }

    private static string[] SourceArns(JsonElement statement) =>
        Strings(statement.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn"));

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
