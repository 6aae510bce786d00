using System.Text.Json.Serialization;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>What a manual rotation returns: <c>{"secretId", "versionId", "validUntil"}</c>.</summary>
/// <param name="SecretId">The rotated secret.</param>
/// <param name="VersionId">The version now carrying AWSCURRENT.</param>
/// <param name="ValidUntil">When the new key expires, in epoch seconds.</param>
public sealed record ManualRotationResult(
    [property: JsonPropertyName("secretId")] string SecretId,
    [property: JsonPropertyName("versionId")] string VersionId,
    [property: JsonPropertyName("validUntil")] long ValidUntil) : RefresherResult;
