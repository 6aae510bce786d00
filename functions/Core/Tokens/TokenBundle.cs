using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MomentoTokenVending.Core.Tokens;

/// <summary>
/// The Momento key with its refresh token and expiry: the shape of the console's
/// <c>momento_token.info.json</c> and of the secret's value.
/// <see cref="ToString"/> never shows key or refresh-token text.
/// </summary>
public sealed class TokenBundle : IEquatable<TokenBundle>
{
    /// <summary>Largest document accepted, in UTF-8 bytes.</summary>
    public const int MaxDocumentBytes = 64 * 1024;

    private const string DocumentField = "(document)";
    private const string AuthTokenField = "authToken";
    private const string ApiKeyField = "apiKey";
    private const string RefreshTokenField = "refreshToken";
    private const string ValidUntilField = "validUntil";

    // Year 9999: DateTimeOffset's own limit, far past any real key.
    private const long MaxEpochSeconds = 253_402_300_799;

    /// <summary>Creates a bundle; <paramref name="refreshToken"/> may be absent.</summary>
    public TokenBundle(MomentoKey key, string? refreshToken, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
        RefreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        ValidUntil = validUntil;
    }

    /// <summary>The Momento API key.</summary>
    public MomentoKey Key { get; }

    /// <summary>The token that refreshes <see cref="Key"/>; single-use, so never drop it.</summary>
    public string? RefreshToken { get; }

    /// <summary>When <see cref="Key"/> stops working.</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>Whether Momento can refresh this key: a legacy or v1 key that has a refresh token.</summary>
    public bool CanRefresh => NotRefreshableReason is null;

    /// <summary>Why this key cannot be refreshed, or <see langword="null"/> when it can.</summary>
    public string? NotRefreshableReason =>
        Key.Kind == MomentoKeyKind.V2 ? "the key is a v2 API key, which Momento does not refresh"
        : RefreshToken is null ? "the token file has no refresh token"
        : null;

    /// <summary>Reads a bundle from JSON text; throws <see cref="TokenFormatException"/> naming the field at fault.</summary>
    public static TokenBundle Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > MaxDocumentBytes)
        {
            throw new TokenFormatException(DocumentField, $"is larger than {MaxDocumentBytes / 1024} KiB");
        }

        using var document = ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TokenFormatException(DocumentField, $"is a JSON {Describe(root.ValueKind)}, not an object");
        }

        var key = MomentoKey.Parse(ReadKeyText(root));
        var refreshToken = ReadOptionalString(root, RefreshTokenField);
        var validUntil = ReadValidUntil(root);
        return new TokenBundle(key, refreshToken, validUntil);
    }

    /// <summary>Like <see cref="Parse"/>, returning the error instead of throwing it.</summary>
    public static bool TryParse(string json, out TokenBundle? bundle, out TokenFormatException? error)
    {
        try
        {
            bundle = Parse(json);
            error = null;
            return true;
        }
        catch (TokenFormatException e)
        {
            bundle = null;
            error = e;
            return false;
        }
    }

    /// <summary>The canonical form: <c>{"authToken": ..., "refreshToken": ..., "validUntil": &lt;epoch seconds&gt;}</c>.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(AuthTokenField, Key.Value);
            if (RefreshToken is not null)
            {
                writer.WriteString(RefreshTokenField, RefreshToken);
            }

            writer.WriteNumber(ValidUntilField, ValidUntil.ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>How long the key still works at <paramref name="clock"/>'s now; negative once expired.</summary>
    public TimeSpan RemainingLifetime(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ValidUntil - clock.GetUtcNow();
    }

    /// <summary>Whether the key has expired at <paramref name="clock"/>'s now.</summary>
    public bool IsExpired(TimeProvider clock) => RemainingLifetime(clock) <= TimeSpan.Zero;

    /// <inheritdoc />
    public bool Equals(TokenBundle? other) =>
        other is not null
        && string.Equals(Key.Value, other.Key.Value, StringComparison.Ordinal)
        && string.Equals(RefreshToken, other.RefreshToken, StringComparison.Ordinal)
        && ValidUntil == other.ValidUntil;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TokenBundle);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key.Value, RefreshToken, ValidUntil);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"TokenBundle {{ Kind = {Key.Kind}, HasRefreshToken = {RefreshToken is not null}, ValidUntil = {ValidUntil:O} }}");

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            // JsonException's own message quotes the offending character, so only its position is kept.
            throw new TokenFormatException(
                DocumentField,
                string.Create(CultureInfo.InvariantCulture, $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"));
        }
    }

    private static string ReadKeyText(JsonElement root)
    {
        var authToken = ReadOptionalString(root, AuthTokenField);
        var apiKey = ReadOptionalString(root, ApiKeyField);
        if (authToken is not null && apiKey is not null && !string.Equals(authToken, apiKey, StringComparison.Ordinal))
        {
            throw new TokenFormatException(AuthTokenField, "and apiKey are both present and differ");
        }

        return authToken ?? apiKey
            ?? throw new TokenFormatException(AuthTokenField, "is missing or empty (apiKey is accepted as a synonym)");
    }

    private static string? ReadOptionalString(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw new TokenFormatException(field, $"must be a string, not a JSON {Describe(element.ValueKind)}");
        }

        var text = element.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static DateTimeOffset ReadValidUntil(JsonElement root)
    {
        if (!root.TryGetProperty(ValidUntilField, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            throw new TokenFormatException(ValidUntilField, "is missing");
        }

        long seconds;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                if (!element.TryGetInt64(out seconds))
                {
                    throw new TokenFormatException(ValidUntilField, "must be a whole number of epoch seconds");
                }

                break;
            case JsonValueKind.String:
                if (!long.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
                {
                    throw new TokenFormatException(ValidUntilField, "is a string that is not a whole number of epoch seconds");
                }

                break;
            default:
                throw new TokenFormatException(ValidUntilField, $"must be a number of epoch seconds, not a JSON {Describe(element.ValueKind)}");
        }

        if (seconds <= 0 || seconds > MaxEpochSeconds)
        {
            throw new TokenFormatException(ValidUntilField, "is out of range (expected epoch seconds between 1970 and 9999)");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
