using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class RefresherEventTests
{
    private const string ValueMarker = "secret-value-";

    private static readonly Gen<string> Field = Gen.OneOf(
        "Step", "SecretId", "ClientRequestToken", "RotationToken", "secretId", "momento_auth_token_secret_name", "other");

    private static readonly Gen<JsonNode?> Value = Gen.OneOf<JsonNode?>(
        Gen.String.Select(text => (JsonNode?)JsonValue.Create(ValueMarker + text)),
        Gen.OneOf("createSecret", "setSecret", "testSecret", "finishSecret", " ").Select(step => (JsonNode?)JsonValue.Create(step)),
        Gen.Int.Select(number => (JsonNode?)JsonValue.Create(number)),
        Gen.Const((JsonNode?)null));

    private static readonly Gen<Dictionary<string, JsonNode?>> Events =
        Gen.Select(Field, Value).Array[0, 6].Select(pairs =>
        {
            var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var (name, value) in pairs)
            {
                fields[name] = value;
            }

            return fields;
        });

    [Fact]
    public void Parse_AnyObject_ReturnsTheEventItDescribesOrAnErrorThatEchoesNoValue() =>
        Events.Sample(fields =>
        {
            var json = new JsonObject(fields.Select(field => KeyValuePair.Create(field.Key, field.Value?.DeepClone()))).ToJsonString();
            using var document = JsonDocument.Parse(json);
            RefresherEvent parsed;
            try
            {
                parsed = RefresherEvent.Parse(document.RootElement);
            }
            catch (RotationException e)
            {
                Assert.DoesNotContain(ValueMarker, e.Message, StringComparison.Ordinal);
                Assert.Contains(nameof(RotationEvent.ClientRequestToken), e.Message, StringComparison.Ordinal);
                return;
            }

            if (parsed is RotationEvent rotation)
            {
                Assert.True(fields.ContainsKey("Step"));
                Assert.Equal(Text(fields, "SecretId"), rotation.SecretId);
                Assert.Equal(Text(fields, "ClientRequestToken"), rotation.ClientRequestToken);
            }
            else
            {
                Assert.False(fields.ContainsKey("Step"));
                Assert.Contains(parsed.SecretId, new[] { Text(fields, "secretId"), Text(fields, "momento_auth_token_secret_name") });
            }
        });

    private static string? Text(Dictionary<string, JsonNode?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
}
