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

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
