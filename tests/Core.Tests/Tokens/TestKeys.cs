using System.Text;
using System.Text.Json;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Tokens;

/// <summary>Builds Momento keys of each kind, and token files around them.</summary>
internal static class TestKeys
{
    public const string CellHost = "cell-us-east-1-1.prod.a.momentohq.com";

    public static string Jwt(object claims) =>
        $"{Segment(new { alg = "HS512" })}.{Segment(claims)}.c2lnbmF0dXJl";

    public static string Legacy(string subject = "legacy-user") =>
        Jwt(new { sub = subject, cp = "control.cell-legacy.momentohq.com", c = "cache.cell-legacy.momentohq.com" });

    public static string V1(string subject = "v1-user", string endpoint = CellHost) =>
        MomentoKey.WrapV1(Jwt(new { sub = subject, ver = 1 }), endpoint);

    public static string V2(string subject = "v2-user") => Jwt(new { sub = subject, t = "g" });

    public static string File(string authToken, string? refreshToken = "refresh-secret-123", long validUntil = 1_767_225_600) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["authToken"] = authToken,
            ["refreshToken"] = refreshToken,
            ["validUntil"] = validUntil,
        });

    private static string Segment(object value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
