using System.Text.Json;
using System.Text.Json.Serialization;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// The documents behind the stack's monitoring: the access log format, the rotation-failure rule and its
/// notification, the daily key check's schedule, and the alarm topic's policy.
/// </summary>
public static class StackMonitoring
{
    /// <summary>
    /// How often the key check runs. Daily: the check is what notices a key nobody rotates, and the
    /// watchdog alarm gives it two days (two checks) before it calls the check itself broken.
    /// </summary>
    public const string KeyCheckSchedule = "rate(1 day)";

    /// <summary>The event the schedule sends the refresh function: the key check, <c>{"check": {}}</c>.</summary>
    public static string KeyCheckInput { get; } = RefresherEventJson.Check();

    /// <summary>How long the key-life metric may go unreported before the watchdog alarm fires.</summary>
    public static readonly TimeSpan KeyLifeReportGap = TimeSpan.FromDays(2);

    /// <summary>
    /// The period of both key-life alarms: an hour, so each report is judged within the hour it arrives. Not less:
    /// CloudWatch limits an alarm with a shorter period to one day of evaluation periods, and the watchdog needs two
    /// (PutMetricAlarm allows seven days from an hour up).
    /// </summary>
    public static readonly TimeSpan KeyLifeAlarmPeriod = TimeSpan.FromHours(1);

    /// <summary>Consecutive periods without a report that make the watchdog fire: <see cref="KeyLifeReportGap"/> in <see cref="KeyLifeAlarmPeriod"/>s.</summary>
    public static int KeyLifeWatchdogPeriods => (int)(KeyLifeReportGap / KeyLifeAlarmPeriod);

    /// <summary>
    /// The rotation-failure rule's input transformer paths: placeholder to JSON path into the CloudTrail
    /// service event. Only the secret's ARN, the event's name and its time and place: the event carries no
    /// secret value, and nothing else of it is passed on.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RotationFailedInputPaths { get; } =
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["account"] = "$.account",
            ["event"] = "$.detail.eventName",
            ["region"] = "$.region",
            ["secret"] = "$.detail.additionalEventData.SecretId",
            ["time"] = "$.time",
        };

    /// <summary>
    /// The notification the alarm topic's subscribers read: a quoted JSON string, so EventBridge delivers plain
    /// text with the <see cref="RotationFailedInputPaths"/> placeholders filled in.
    /// </summary>
    public static string RotationFailedInputTemplate { get; } =
        "\"Secrets Manager reported <event> for the Momento key secret <secret> (account <account>, <region>) at <time>. "
        + "The current key keeps working until its validUntil. See the refresh function's log and README, 'When a rotation fails'.\"";

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

    /// <summary>
    /// The alarm topic's policy. It replaces the topic's default policy, so it names every publisher: the stack's
    /// CloudWatch alarms (<paramref name="alarmArns"/>) and EventBridge for the rotation-failure rule
    /// (<paramref name="rotationFailedRuleArn"/>) only, each pinned by <c>aws:SourceArn</c>.
    /// </summary>
    public static PolicyDocument AlarmTopicPolicy(string topicArn, string rotationFailedRuleArn, IReadOnlyList<string> alarmArns)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        ArgumentException.ThrowIfNullOrEmpty(rotationFailedRuleArn);
        ArgumentNullException.ThrowIfNull(alarmArns);
        if (alarmArns.Count == 0 || alarmArns.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Expected the ARN of every alarm that notifies the topic.", nameof(alarmArns));
        }

        return new PolicyDocument(
        [
            PublishFrom("StackAlarmsPublish", "cloudwatch.amazonaws.com", topicArn, alarmArns),
            PublishFrom("RotationFailuresPublish", "events.amazonaws.com", topicArn, [rotationFailedRuleArn]),
        ]);
    }

    private static PolicyStatement PublishFrom(string sid, string service, string topicArn, IReadOnlyList<string> sourceArns) =>
        new(
            sid,
            ["sns:Publish"],
            [topicArn],
            new PolicyPrincipal(service),
            new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal)
            {
                ["ArnEquals"] = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["aws:SourceArn"] = sourceArns },
            });
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
