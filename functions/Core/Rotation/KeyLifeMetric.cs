using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// The refresh function's one metric: how many hours the <c>AWSCURRENT</c> key stays valid, as a CloudWatch
/// embedded metric format (EMF) document. CloudWatch Logs turns such a log event into a metric data point, so
/// reporting it costs no API call and no permission. The stack's alarms name the same namespace, metric and dimension.
/// </summary>
public static class KeyLifeMetric
{
    /// <summary>The stack's own namespace; the <see cref="DimensionName"/> dimension tells stacks in one account apart.</summary>
    public const string Namespace = "MomentoTokenVending";

    /// <summary>Hours from now until the key's <c>validUntil</c>; zero or negative once it has expired.</summary>
    public const string MetricName = "KeyHoursRemaining";

    /// <summary>The dimension naming the secret: its value is the function's <c>SECRET_ID</c> (the secret's ARN).</summary>
    public const string DimensionName = "SecretId";

    // CloudWatch has no "Hours" unit; the metric's name carries it.
    private const string Unit = "None";

    /// <summary>
    /// The EMF document, one line of JSON, reporting that the key of <paramref name="secretId"/>, valid until
    /// <paramref name="validUntil"/>, has this many hours left at <paramref name="now"/> (rounded to 0.01 h).
    /// </summary>
    public static string Format(string secretId, DateTimeOffset validUntil, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            writer.WriteStartArray();
            writer.WriteStringValue(DimensionName);
            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            writer.WriteStartObject();
            writer.WriteString("Name", MetricName);
            writer.WriteString("Unit", Unit);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteString(DimensionName, secretId);
            writer.WriteNumber(MetricName, HoursLeft(validUntil, now));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Hours from <paramref name="now"/> to <paramref name="validUntil"/>, rounded to 0.01; negative once past.</summary>
    public static double HoursLeft(DateTimeOffset validUntil, DateTimeOffset now)
    {
        // Adding 0.0 turns a rounded -0 into 0, which JSON and the logs then show as 0.
        return Math.Round((validUntil - now).TotalHours, 2, MidpointRounding.AwayFromZero) + 0.0;
    }
}
