using System.Text.Json.Serialization;

namespace MomentoTokenVending.Core.Tokens;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;
