using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class RefresherEventTests
{
    private const string ValueMarker = "secret-value-";

    private static readonly Gen<string> Field = Gen.OneOf(
        "Step", "SecretId", "ClientRequestToken", "RotationToken", "secretId", "momento_auth_token_secret_name", "check", "other");

    private static readonly Gen<JsonNode?> Value = Gen.OneOf<JsonNode?>(
        Gen.String.Select(text => (JsonNode?)JsonValue.Create(ValueMarker + text)),
        Gen.OneOf("createSecret", "setSecret", "testSecret", "finishSecret", " ").Select(step => (JsonNode?)JsonValue.Create(step)),
        Gen.Int.Select(number => (JsonNode?)JsonValue.Create(number)),
        Gen.String.Select(text => (JsonNode?)new JsonObject { ["option"] = ValueMarker + text }),
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

            if (parsed is CheckEvent)
            {
                Assert.IsType<JsonObject>(fields["check"]);
                Assert.All(new[] { "Step", "secretId", "momento_auth_token_secret_name" }, name => Assert.Null(fields.GetValueOrDefault(name)));
                Assert.Null(parsed.SecretId);
            }
            else if (parsed is RotationEvent rotation)
            {
                Assert.Null(fields.GetValueOrDefault("check"));
                Assert.True(fields.ContainsKey("Step"));
                Assert.Equal(Text(fields, "SecretId"), rotation.SecretId);
                Assert.Equal(Text(fields, "ClientRequestToken"), rotation.ClientRequestToken);
            }
            else
            {
                Assert.Null(fields.GetValueOrDefault("check"));
                Assert.False(fields.ContainsKey("Step"));
                Assert.Contains(parsed.SecretId, new[] { Text(fields, "secretId"), Text(fields, "momento_auth_token_secret_name") });
            }
        });

    [Fact]
    public void Check_Written_IsTheDocumentedEventAndParsesAsTheCheck()
    {
        var json = RefresherEventJson.Check();

        Assert.Equal("""{"check":{}}""", json);
        using var document = JsonDocument.Parse(json);
        Assert.IsType<CheckEvent>(RefresherEvent.Parse(document.RootElement));
    }

    [Fact]
    public void Manual_Written_ParsesAsAManualRotationOfThatSecret()
    {
        const string secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf";

        using var document = JsonDocument.Parse(RefresherEventJson.Manual(secretArn));

        Assert.Equal(new ManualRotationEvent(secretArn), RefresherEvent.Parse(document.RootElement));
    }

    [Theory]
    [InlineData("""{"check": {}}""")]
    [InlineData("""{"check": {"future": "option"}, "RotationToken": null}""")]
    [InlineData("""{"check": {}, "secretId": null}""")]
    public void Parse_CheckObject_IsTheCheckWithNoSecretNamed(string json)
    {
        using var document = JsonDocument.Parse(json);

        var parsed = RefresherEvent.Parse(document.RootElement);

        Assert.Equal(new CheckEvent(), parsed);
    }

    private static string? Text(Dictionary<string, JsonNode?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is JsonValue text && text.TryGetValue<string>(out var s) ? s : null;
}
