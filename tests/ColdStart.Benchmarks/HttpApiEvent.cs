using System.Globalization;
using System.Text.Json.Nodes;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// The HTTP API (payload 2.0) event API Gateway sends for <c>GET /token</c> (<c>http-api-event.json</c>), from a
/// caller of its own: every run is a new caller, so its first request is a mint whatever the shared server cached.
/// </summary>
internal static class HttpApiEvent
{
    private static readonly string Template = ReadTemplate();

    /// <summary>
    /// The event, on one line, from the <paramref name="caller"/>th caller: a source IP in 198.18.0.0/15, the range set
    /// aside for benchmarks, in the request context and in <c>x-forwarded-for</c>.
    /// </summary>
    public static string From(int caller)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(caller);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(caller, (2 * 256 * 256) - 1);
        var ip = string.Create(CultureInfo.InvariantCulture, $"198.{18 + (caller >> 16)}.{(caller >> 8) & 0xFF}.{caller & 0xFF}");
        var json = JsonNode.Parse(Template)!;
        json["requestContext"]!["http"]!["sourceIp"] = ip;
        json["headers"]!["x-forwarded-for"] = ip;
        return json.ToJsonString();
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(HttpApiEvent).Assembly.GetManifestResourceStream("http-api-event.json")
            ?? throw new InvalidOperationException("http-api-event.json is not embedded in the benchmark.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
