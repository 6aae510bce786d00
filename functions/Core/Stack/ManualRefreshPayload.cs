using System.Text.Json.Serialization;

namespace MomentoTokenVending.Core.Stack;

/// <summary>The manual refresher event <c>{"secretId": "..."}</c>.</summary>
internal sealed record ManualRefreshPayload([property: JsonPropertyName("secretId")] string SecretId);

[JsonSerializable(typeof(ManualRefreshPayload))]
internal sealed partial class StackCommandJsonContext : JsonSerializerContext;
