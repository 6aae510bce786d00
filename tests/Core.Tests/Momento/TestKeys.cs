using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Momento;

/// <summary>Momento keys in each format, with recognisable text so tests can look for leaks.</summary>
internal static class TestKeys
{
    public const string Cell = "cell-1.example.momentohq.com";

    public static string Jwt(object claims) =>
        $"{Segment(new { alg = "HS256" })}.{Segment(claims)}.c2lnbmF0dXJl";

    public static string InnerJwt(string marker) => Jwt(new { sub = marker });

    public static MomentoKey V1(string marker, string cell = Cell) => MomentoKey.Parse(MomentoKey.WrapV1(InnerJwt(marker), cell));

    public static MomentoKey Legacy(string marker) =>
        MomentoKey.Parse(Jwt(new { sub = marker, cp = $"control.{Cell}", c = $"cache.{Cell}" }));

    public static MomentoKey V2(string marker) => MomentoKey.Parse(Jwt(new { sub = marker, t = "g" }));

    private static string Segment(object value) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
