using System.Text.Json;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// An event the refresh function accepts: a Secrets Manager rotation step, a manual rotation, or the daily check.
/// <see cref="SecretId"/> is the secret the event names, or <see langword="null"/> for the check, which
/// always checks the function's own secret.
/// </summary>
internal abstract record RefresherEvent(string? SecretId)
{
    internal const string AcceptedShapes =
        "Accepted events: a Secrets Manager rotation event {\"Step\", \"SecretId\", \"ClientRequestToken\"}, "
        + "a manual rotation {\"secretId\": \"<secret name or ARN>\"} or {\"momento_auth_token_secret_name\": \"<secret name or ARN>\"}, "
        + "or the key check {\"check\": {}}.";

    internal const string CheckField = "check";
    private const string StepField = "Step";
    private const string ManualSecretId = "secretId";
    private const string ManualSecretName = "momento_auth_token_secret_name";

    /// <summary>Reads <paramref name="input"/>, or throws a <see cref="RotationException"/> naming the problem and the accepted shapes.</summary>
    public static RefresherEvent Parse(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("The event is not a JSON object.");
        }

        if (input.TryGetProperty(CheckField, out var check) && check.ValueKind != JsonValueKind.Null)
        {
            return ReadCheck(input, check);
        }

        if (input.TryGetProperty(StepField, out _))
        {
            return new RotationEvent(
                ReadStep(input),
                RequiredString(input, "SecretId"),
                RequiredString(input, "ClientRequestToken"));
        }

        var secretId = OptionalString(input, ManualSecretId);
        var secretName = OptionalString(input, ManualSecretName);
        if (secretId is not null && secretName is not null && !string.Equals(secretId, secretName, StringComparison.Ordinal))
        {
            throw Invalid($"\"{ManualSecretId}\" and \"{ManualSecretName}\" are both present and differ.");
        }

        return (secretId ?? secretName) is { } id
            ? new ManualRotationEvent(id)
            : throw Invalid("The event is neither a rotation step, a manual rotation nor the key check.");
    }

    private static CheckEvent ReadCheck(JsonElement input, JsonElement check)
    {
        if (check.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"\"{CheckField}\" must be an object, as in {{\"{CheckField}\": {{}}}}.");
        }

        foreach (var other in new[] { StepField, ManualSecretId, ManualSecretName })
        {
            if (input.TryGetProperty(other, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                throw Invalid($"\"{CheckField}\" cannot be combined with \"{other}\": the check changes nothing and always checks the function's own secret.");
            }
        }

        return new CheckEvent();
    }

    private static RotationStep ReadStep(JsonElement input) => RequiredString(input, StepField) switch
    {
        "createSecret" => RotationStep.CreateSecret,
        "setSecret" => RotationStep.SetSecret,
        "testSecret" => RotationStep.TestSecret,
        "finishSecret" => RotationStep.FinishSecret,
        _ => throw Invalid("\"Step\" is not one of createSecret, setSecret, testSecret, finishSecret."),
    };

    private static string RequiredString(JsonElement input, string name) =>
        OptionalString(input, name) ?? throw Invalid($"\"{name}\" is missing or empty.");

    private static string? OptionalString(JsonElement input, string name)
    {
        if (!input.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"\"{name}\" must be a string.");
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static RotationException Invalid(string problem) => new($"{problem} {AcceptedShapes}");
}

/// <summary>One step of a rotation Secrets Manager runs; <see cref="ClientRequestToken"/> is the new version's id.</summary>
internal sealed record RotationEvent(RotationStep Step, string SecretId, string ClientRequestToken) : RefresherEvent(SecretId);

/// <summary>A rotation asked for by hand: the refresher runs every step at once.</summary>
internal sealed record ManualRotationEvent(string SecretId) : RefresherEvent(SecretId);

/// <summary>The daily check of the function's own secret: reports and logs the key's remaining life, changes nothing.</summary>
internal sealed record CheckEvent() : RefresherEvent(SecretId: null);
