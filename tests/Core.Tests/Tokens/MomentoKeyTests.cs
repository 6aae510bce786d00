using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Tokens;

public sealed class MomentoKeyTests
{
    [Fact]
    public void Parse_V1Key_UsesCellHostForAllThreeEndpoints()
    {
        var inner = TestKeys.Jwt(new { sub = "a" });
        var key = MomentoKey.Parse(MomentoKey.WrapV1(inner, "cell-1.example.com"));

        Assert.Equal(MomentoKeyKind.V1, key.Kind);
        Assert.Equal(inner, key.WireKey);
        Assert.Equal(new MomentoEndpoints("control.cell-1.example.com", "cache.cell-1.example.com", "token.cell-1.example.com"), key.Endpoints);
    }

    [Fact]
    public void Parse_LegacyKey_TakesEndpointsFromClaimsAndVendsThroughCacheHost()
    {
        var value = TestKeys.Jwt(new { cp = "control.legacy.example.com", c = "cache.legacy.example.com" });
        var key = MomentoKey.Parse(value);

        Assert.Equal(MomentoKeyKind.Legacy, key.Kind);
        Assert.Equal(value, key.WireKey);
        Assert.Equal(new MomentoEndpoints("control.legacy.example.com", "cache.legacy.example.com", "cache.legacy.example.com"), key.Endpoints);
    }

    [Fact]
    public void Parse_V2Key_HasNoEndpoints()
    {
        var key = MomentoKey.Parse(TestKeys.V2().Value);

        Assert.Equal(MomentoKeyKind.V2, key.Kind);
        Assert.Null(key.Endpoints);
    }

    public static TheoryData<string, string> NotAKey => new()
    {
        { "", "is empty" },
        { "not a key at all", "is not a Momento API key" },
        { "YWJjZA==", "is not a Momento API key" },
        { Convert.ToBase64String("[1,2]"u8), "is not a Momento API key" },
        { Convert.ToBase64String("{\"api_key\":\"k\"}"u8), "is a v1 key without its api_key or endpoint" },
        { Convert.ToBase64String("{\"endpoint\":\"e\",\"api_key\":\"\"}"u8), "is a v1 key without its api_key or endpoint" },
        { "aGVhZGVy.!!!.c2ln", "looks like a JWT but its claims are not a JSON object" },
        { TestKeys.Jwt(new[] { 1, 2 }), "looks like a JWT but its claims are not a JSON object" },
        { TestKeys.Jwt(new { sub = "x" }), "is a JWT without Momento's endpoint claims" },
        { TestKeys.Jwt(new { cp = "control.x" }), "is a JWT without Momento's endpoint claims" },
        { TestKeys.Jwt(new { t = "other", c = "cache.x" }), "is a JWT without Momento's endpoint claims" },
    };

    [Theory]
    [MemberData(nameof(NotAKey))]
    public void Parse_NotAMomentoKey_ThrowsNamingAuthToken(string value, string problem)
    {
        var error = Assert.Throws<TokenFormatException>(() => MomentoKey.Parse(value));

        Assert.Equal("authToken", error.Field);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WithRefreshedKey_V1_RewrapsWithReturnedEndpoint()
    {
        var key = MomentoKey.Parse(TestKeys.V1().Value);
        var fresh = TestKeys.Jwt(new { sub = "fresh" });

        var refreshed = key.WithRefreshedKey(fresh, "cell-2.example.com");

        Assert.Equal(MomentoKeyKind.V1, refreshed.Kind);
        Assert.Equal(fresh, refreshed.WireKey);
        Assert.Equal("control.cell-2.example.com", refreshed.Endpoints!.Control);
    }

    [Fact]
    public void WithRefreshedKey_Legacy_IsTheNewJwtItself()
    {
        var key = MomentoKey.Parse(TestKeys.Legacy().Value);
        var fresh = TestKeys.Legacy("fresh").Value;

        var refreshed = key.WithRefreshedKey(fresh, "ignored.example.com");

        Assert.Equal(fresh, refreshed.Value);
        Assert.Equal(MomentoKeyKind.Legacy, refreshed.Kind);
    }

    [Fact]
    public void WithRefreshedKey_V2_Throws()
    {
        var key = MomentoKey.Parse(TestKeys.V2().Value);

        Assert.Throws<InvalidOperationException>(() => key.WithRefreshedKey(TestKeys.V2("fresh").Value, "e"));
    }

    [Fact]
    public void ToString_NeverShowsKeyText()
    {
        var value = TestKeys.V1("secret-subject").Value;
        var key = MomentoKey.Parse(value);

        var text = key.ToString();

        Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(key.WireKey, text, StringComparison.Ordinal);
        Assert.Contains("V1", text, StringComparison.Ordinal);
    }
}
