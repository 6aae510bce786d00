using System.Text.Json;
using System.Text.Json.Serialization;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.TokenRefresh;

/// <summary>
/// Source-generated JSON for the function's input and output. The input stays a <see cref="JsonElement"/>
/// because the accepted events differ only in property case (<c>SecretId</c>, <c>secretId</c>); Core reads it.
/// </summary>
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(RefresherResult))]
[JsonSerializable(typeof(ManualRotationResult))]
[JsonSerializable(typeof(KeyCheckResult))]
public sealed partial class RefreshJsonContext : JsonSerializerContext;
