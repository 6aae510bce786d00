using System.Text.Json.Serialization;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// What the daily check returns:
/// <c>{"secretId", "versionId", "validUntil", "hoursLeft", "rotationEnabled", "pendingVersionId"?}</c>.
/// </summary>
/// <param name="SecretId">The checked secret.</param>
/// <param name="VersionId">The version carrying AWSCURRENT.</param>
/// <param name="ValidUntil">When its key expires, in epoch seconds.</param>
/// <param name="HoursLeft">Hours until then (see <see cref="KeyLifeMetric.HoursLeft"/>); zero or negative once expired.</param>
/// <param name="RotationEnabled">Whether Secrets Manager rotates the secret on a schedule.</param>
/// <param name="PendingVersionId">Another version that holds AWSPENDING (a rotation running or stopped half-way), if any.</param>
public sealed record KeyCheckResult(
    [property: JsonPropertyName("secretId")] string SecretId,
    [property: JsonPropertyName("versionId")] string VersionId,
    [property: JsonPropertyName("validUntil")] long ValidUntil,
    [property: JsonPropertyName("hoursLeft")] double HoursLeft,
    [property: JsonPropertyName("rotationEnabled")] bool RotationEnabled,
    [property: JsonPropertyName("pendingVersionId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PendingVersionId)
    : RefresherResult;
