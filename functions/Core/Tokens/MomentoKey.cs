using System.Buffers.Text;
using System.Text.Json;

namespace MomentoTokenVending.Core.Tokens;

/// <summary>
/// A Momento API key, decoded just enough to know its kind and where it talks to.
/// <see cref="ToString"/> never shows key text.
/// </summary>
public sealed class MomentoKey
{
    private const string Field = "authToken";

    private MomentoKey(string value, MomentoKeyKind kind, string wireKey, MomentoEndpoints? endpoints)
    {
        Value = value;
        Kind = kind;
        WireKey = wireKey;
        Endpoints = endpoints;
    }

    /// <summary>The key exactly as stored and as the Momento SDK takes it.</summary>
    public string Value { get; }

    /// <summary>Which of the three formats the key is in.</summary>
    public MomentoKeyKind Kind { get; }

    /// <summary>The key Momento's services see: a v1 key's inner <c>api_key</c>, otherwise the JWT itself.</summary>
    public string WireKey { get; }

    /// <summary>The key's hosts; <see langword="null"/> for a v2 key, which carries none.</summary>
    public MomentoEndpoints? Endpoints { get; }

    /// <summary>Decodes <paramref name="value"/>, or throws a <see cref="TokenFormatException"/> naming <c>authToken</c>.</summary>
    public static MomentoKey Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            throw new TokenFormatException(Field, "is empty");
        }

        var parts = value.Split('.');
        if (parts.Length == 3)
        {
            return FromJwt(value, parts[1]);
        }

        return FromV1Wrapper(value)
            ?? throw new TokenFormatException(Field, "is not a Momento API key (neither a v1 key, a legacy key nor a v2 key)");
    }

    /// <summary>
    /// The key that a refresh returned, in the same format as this one: a v1 key is re-wrapped
    /// with <paramref name="endpoint"/>; a legacy key is the JWT itself.
    /// </summary>
    public MomentoKey WithRefreshedKey(string newWireKey, string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(newWireKey);
        return Kind switch
        {
            MomentoKeyKind.V1 => Parse(WrapV1(newWireKey, endpoint)),
            MomentoKeyKind.Legacy => Parse(newWireKey),
            _ => throw new InvalidOperationException("A v2 key cannot be refreshed."),
        };
    }

    /// <summary>Wraps a JWT and its cell host the way Momento's v1 keys are: base64 of a small JSON object.</summary>
    public static string WrapV1(string apiKey, string endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        var json = JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string> { ["api_key"] = apiKey, ["endpoint"] = endpoint },
            TokenJsonContext.Default.DictionaryStringString);
        return Convert.ToBase64String(json);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"MomentoKey {{ Kind = {Kind}, Control = {Endpoints?.Control ?? "(none)"} }}";

    private static MomentoKey FromJwt(string value, string payloadSegment)
    {
        using var claims = DecodeJson(Base64UrlDecode(payloadSegment))
            ?? throw new TokenFormatException(Field, "looks like a JWT but its claims are not a JSON object");
        var root = claims.RootElement;

        if (StringClaim(root, "t") == "g")
        {
            return new MomentoKey(value, MomentoKeyKind.V2, value, endpoints: null);
        }

        var control = StringClaim(root, "cp");
        var cache = StringClaim(root, "c");
        if (string.IsNullOrEmpty(control) || string.IsNullOrEmpty(cache))
        {
            throw new TokenFormatException(Field, "is a JWT without Momento's endpoint claims (cp, c) or v2 marker (t)");
        }

        // Legacy keys have no separate token host: the SDK vends through the cache host.
        return new MomentoKey(value, MomentoKeyKind.Legacy, value, new MomentoEndpoints(control, cache, cache));
    }

    private static MomentoKey? FromV1Wrapper(string value)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }

        using var wrapper = DecodeJson(bytes);
        if (wrapper is null)
        {
            return null;
        }

        var apiKey = StringClaim(wrapper.RootElement, "api_key");
        var endpoint = StringClaim(wrapper.RootElement, "endpoint");
        if (string.IsNullOrEmpty(apiKey) || string.IsNullOrEmpty(endpoint))
        {
            throw new TokenFormatException(Field, "is a v1 key without its api_key or endpoint");
        }

        return new MomentoKey(value, MomentoKeyKind.V1, apiKey, MomentoEndpoints.ForCell(endpoint));
    }

    private static JsonDocument? DecodeJson(byte[]? utf8)
    {
        if (utf8 is null)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Base64UrlDecode(string segment) =>
        Base64Url.IsValid(segment) ? Base64Url.DecodeFromChars(segment) : null;

    private static string? StringClaim(JsonElement root, string name) =>
        root.TryGetProperty(name, out var claim) && claim.ValueKind == JsonValueKind.String ? claim.GetString() : null;
}
