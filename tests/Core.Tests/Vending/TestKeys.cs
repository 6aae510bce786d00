using System.Buffers.Text;
using System.Text;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Vending;

/// <summary>Momento keys and secret values in the three formats, with recognisable secret text.</summary>
internal static class TestKeys
{
    public static readonly DateTimeOffset ValidUntil = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static MomentoKey V1(string apiKey = "first-secret-api-key") =>
        MomentoKey.Parse(MomentoKey.WrapV1(apiKey, "cell-1.example.momentohq.com"));

    public static MomentoKey V2() =>
        MomentoKey.Parse($"{Segment("{\"alg\":\"HS256\"}")}.{Segment("{\"t\":\"g\",\"id\":\"v2-secret\"}")}.signature");

    public static string SecretJson(MomentoKey key) => new TokenBundle(key, "refresh-token-secret", ValidUntil).ToJson();

    private static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
