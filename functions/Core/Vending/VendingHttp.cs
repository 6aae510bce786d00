using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MomentoTokenVending.Core.Vending;

/// <summary>An HTTP answer, independent of the Lambda event types.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Headers">Response headers.</param>
/// <param name="Body">JSON body.</param>
public sealed record VendingHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"VendingHttpResponse {{ StatusCode = {StatusCode} }}");
}

/// <summary>
/// The vending HTTP contract: 200 <c>{"token", "exp"}</c>, 400, 429 and 503 with <c>Retry-After</c>, 500, all
/// JSON with <c>Cache-Control: no-store</c>. CORS headers are added by the HTTP API, not here.
/// </summary>
public static class VendingHttp
{
    /// <summary>Seconds a rate-limited or timed-out caller should wait: Momento allows 5 auth operations per second per account.</summary>
    public const int RetryAfterSeconds = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The body is JSON for scripts, never HTML, so '+' and '/' in the token need no \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly IReadOnlyDictionary<string, string> JsonHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/json",
        ["Cache-Control"] = "no-store",
    };

    private static readonly IReadOnlyDictionary<string, string> RetryHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/json",
        ["Cache-Control"] = "no-store",
        ["Retry-After"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>400: the request cannot be served (no usable source IP, malformed event).</summary>
    public static VendingHttpResponse BadRequest { get; } = Error(400, "bad request");

    /// <summary>429: Momento's rate limit was hit; retry after <see cref="RetryAfterSeconds"/>.</summary>
    public static VendingHttpResponse TooManyRequests { get; } = new(429, RetryHeaders, ErrorBody("too many requests, retry later"));

    /// <summary>503: the answer did not come before the function's time ran out; retry after <see cref="RetryAfterSeconds"/>.</summary>
    public static VendingHttpResponse ServiceUnavailable { get; } = new(503, RetryHeaders, ErrorBody("token vending timed out, retry later"));

    /// <summary>500: anything else; the cause is in the function's log, never in the answer.</summary>
    public static VendingHttpResponse ServerError { get; } = Error(500, "token vending failed");

    /// <summary>The answer for <paramref name="result"/>.</summary>
    public static VendingHttpResponse ToResponse(VendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            VendOutcome.Vended => new VendingHttpResponse(200, JsonHeaders, TokenBody(result.Token!)),
            VendOutcome.BadRequest => BadRequest,
            VendOutcome.RateLimited => TooManyRequests,
            _ => ServerError,
        };
    }

    private static VendingHttpResponse Error(int statusCode, string message) => new(statusCode, JsonHeaders, ErrorBody(message));

    private static string TokenBody(VendedToken token) =>
        Write(token, static (writer, t) =>
        {
            writer.WriteString("token", t.Token);
            writer.WriteNumber("exp", t.ExpiresAt.ToUnixTimeSeconds());
        });

    private static string ErrorBody(string message) =>
        Write(message, static (writer, m) => writer.WriteString("error", m));

    private static string Write<T>(T value, Action<Utf8JsonWriter, T> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writeProperties(writer, value);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
