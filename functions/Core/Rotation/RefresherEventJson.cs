using System.Text.Json;
using System.Text.Json.Serialization;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// The JSON of the events the refresh function accepts besides Secrets Manager's own, written by the stack
/// (for its exported commands and its daily schedule) and read by <see cref="RefresherEvent"/>: one definition for both sides.
/// </summary>
public static class RefresherEventJson
{
    /// <summary>The manual rotation event <c>{"secretId": "..."}</c> for <paramref name="secretId"/>.</summary>
    public static string Manual(string secretId)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        return JsonSerializer.Serialize(new ManualRefreshPayload(secretId), RefresherEventJsonContext.Default.ManualRefreshPayload);
    }

    /// <summary>The daily check event <c>{"check": {}}</c>, which the stack's schedule sends.</summary>
    public static string Check() => JsonSerializer.Serialize(new CheckPayload(new CheckOptions()), RefresherEventJsonContext.Default.CheckPayload);
}

internal sealed record ManualRefreshPayload([property: JsonPropertyName("secretId")] string SecretId);

internal sealed record CheckPayload([property: JsonPropertyName(RefresherEvent.CheckField)] CheckOptions Check);

// Empty today; an object (not true) so options can be added without changing the event's shape.
internal sealed record CheckOptions;

[JsonSerializable(typeof(ManualRefreshPayload))]
[JsonSerializable(typeof(CheckPayload))]
internal sealed partial class RefresherEventJsonContext : JsonSerializerContext;
