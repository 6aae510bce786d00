using System.Text.Json;
using System.Text.Json.Serialization;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>An IAM policy document, built from objects and serialized with the field names IAM expects.</summary>
/// <param name="Statement">The statements.</param>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statement)
{
    /// <summary>The IAM policy language version.</summary>
    [JsonPropertyOrder(-1)]
    public string Version { get; init; } = "2012-10-17";

    /// <summary>The document as IAM JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PolicyJsonContext.Default.PolicyDocument);
}

/// <summary>One <c>Allow</c> statement.</summary>
/// <param name="Sid">Statement id (letters and digits).</param>
/// <param name="Action">Actions allowed.</param>
/// <param name="Resource">Exact ARNs the actions apply to; <see langword="null"/> in a trust policy.</param>
/// <param name="Principal">Who may act: in a trust policy, or in a resource policy such as a topic's.</param>
/// <param name="Condition">
/// Conditions by operator, then key, then the values allowed, e.g.
/// <c>{"ArnEquals": {"aws:SourceArn": ["arn:..."]}}</c>; <see langword="null"/> for none.
/// </param>
public sealed record PolicyStatement(
    string Sid,
    IReadOnlyList<string> Action,
    IReadOnlyList<string>? Resource = null,
    PolicyPrincipal? Principal = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? Condition = null)
{
    /// <summary><c>Allow</c>: the stack only grants.</summary>
    [JsonPropertyOrder(-1)]
    public string Effect { get; init; } = "Allow";
}

/// <summary>The principal of a trust-policy or resource-policy statement.</summary>
/// <param name="Service">The AWS service principal, e.g. <c>lambda.amazonaws.com</c>.</param>
public sealed record PolicyPrincipal(string Service);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class PolicyJsonContext : JsonSerializerContext;
