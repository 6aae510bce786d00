using System.Text.Json;
using System.Text.Json.Serialization;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>The JSON documents behind the stack's access log and rotation-failure alarm.</summary>
public static class StackMonitoring
{
    /// <summary>
    /// API Gateway access-log format: one JSON object per request, with no source IP, user agent or
    /// other request header (the design keeps raw IPs and headers out of every log).
    /// </summary>
    public static string AccessLogFormat { get; } = JsonSerializer.Serialize(
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["requestId"] = "$context.requestId",
            ["requestTime"] = "$context.requestTimeEpoch",
            ["routeKey"] = "$context.routeKey",
            ["status"] = "$context.status",
            ["responseLatency"] = "$context.responseLatency",
            ["integrationStatus"] = "$context.integrationStatus",
            ["integrationError"] = "$context.integrationErrorMessage",
            ["error"] = "$context.error.message",
        },
        MonitoringJsonContext.Default.SortedDictionaryStringString);

    /// <summary>
    /// EventBridge pattern matching Secrets Manager's <c>RotationFailed</c> and <c>RotationAbandoned</c>
    /// service events (delivered via CloudTrail) for the secret <paramref name="secretArn"/> only.
    /// </summary>
    public static string RotationFailedPattern(string secretArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        var pattern = new RotationEventPattern(
            Source: ["aws.secretsmanager"],
            DetailType: ["AWS Service Event via CloudTrail"],
            Detail: new RotationEventDetail(
                EventSource: ["secretsmanager.amazonaws.com"],
                EventName: ["RotationFailed", "RotationAbandoned"],
                AdditionalEventData: new RotationEventData([secretArn])));
        return JsonSerializer.Serialize(pattern, MonitoringJsonContext.Default.RotationEventPattern);
    }
}

internal sealed record RotationEventPattern(
    [property: JsonPropertyName("source")] string[] Source,
    [property: JsonPropertyName("detail-type")] string[] DetailType,
    [property: JsonPropertyName("detail")] RotationEventDetail Detail);

internal sealed record RotationEventDetail(
    [property: JsonPropertyName("eventSource")] string[] EventSource,
    [property: JsonPropertyName("eventName")] string[] EventName,
    [property: JsonPropertyName("additionalEventData")] RotationEventData AdditionalEventData);

internal sealed record RotationEventData([property: JsonPropertyName("SecretId")] string[] SecretId);

[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(RotationEventPattern))]
internal sealed partial class MonitoringJsonContext : JsonSerializerContext;
