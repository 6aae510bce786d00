using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.TestSupport;

/// <summary>
/// Well-formed fake Momento keys of each kind, and token files around them. Markers make each key
/// distinct and recognisable, so tests can look for leaks of <see cref="MomentoKey.Value"/> and
/// <see cref="MomentoKey.WireKey"/>.
/// </summary>
public static class TestKeys
{
    public const string Cell = "cell-1.example.momentohq.com";

    public const string RefreshToken = "refresh-token-secret";

    public static readonly DateTimeOffset ValidUntil = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Jwt(object claims) =>
        $"{Segment(new { alg = "HS256" })}.{Segment(claims)}.c2lnbmF0dXJl";

    public static string InnerJwt(string marker) => Jwt(new { sub = marker });

    public static MomentoKey V1(string marker = "v1-secret-api-key", string cell = Cell) =>
        MomentoKey.Parse(MomentoKey.WrapV1(InnerJwt(marker), cell));

    public static MomentoKey Legacy(string marker = "legacy-secret-api-key") =>
        MomentoKey.Parse(Jwt(new { sub = marker, cp = $"control.{Cell}", c = $"cache.{Cell}" }));

    public static MomentoKey V2(string marker = "v2-secret-api-key") => MomentoKey.Parse(Jwt(new { sub = marker, t = "g" }));

    /// <summary>A token file / secret value in the console's shape, with any field left out when null.</summary>
    public static string File(string authToken, string? refreshToken = RefreshToken, long validUntil = 1_767_225_600) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["authToken"] = authToken,
            ["refreshToken"] = refreshToken,
            ["validUntil"] = validUntil,
        });

    public static string SecretJson(MomentoKey key) => new TokenBundle(key, RefreshToken, ValidUntil).ToJson();

    private static string Segment(object value) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
