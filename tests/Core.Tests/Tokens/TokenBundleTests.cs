using CsCheck;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Tokens;

public sealed class TokenBundleTests
{
    private const long ValidUntil = 1_767_225_600;

    [Fact]
    public void Parse_ConsoleFile_ReadsAllThreeFields()
    {
        var key = TestKeys.V1().Value;

        var bundle = TokenBundle.Parse(TestKeys.File(key, "refresh-abc", ValidUntil));

        Assert.Equal(key, bundle.Key.Value);
        Assert.Equal("refresh-abc", bundle.RefreshToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(ValidUntil), bundle.ValidUntil);
        Assert.True(bundle.CanRefresh);
    }

    [Fact]
    public void Parse_ApiKeySynonym_IsTheKey()
    {
        var key = TestKeys.Legacy().Value;

        var bundle = TokenBundle.Parse($$"""{"apiKey": "{{key}}", "validUntil": {{ValidUntil}}}""");

        Assert.Equal(key, bundle.Key.Value);
    }

    [Fact]
    public void Parse_AuthTokenAndSameApiKey_Accepted()
    {
        var key = TestKeys.Legacy().Value;

        var bundle = TokenBundle.Parse($$"""{"authToken": "{{key}}", "apiKey": "{{key}}", "validUntil": {{ValidUntil}}}""");

        Assert.Equal(key, bundle.Key.Value);
    }

    [Fact]
    public void Parse_ValidUntilAsNumericString_IsEpochSeconds()
    {
        var bundle = TokenBundle.Parse($$"""{"authToken": "{{TestKeys.V1().Value}}", "validUntil": "{{ValidUntil}}"}""");

        Assert.Equal(ValidUntil, bundle.ValidUntil.ToUnixTimeSeconds());
    }

    [Fact]
    public void Parse_UnknownFields_Ignored()
    {
        var bundle = TokenBundle.Parse($$"""{"authToken": "{{TestKeys.V1().Value}}", "validUntil": {{ValidUntil}}, "restEndpoint": "https://api.example.com"}""");

        Assert.Equal(MomentoKeyKind.V1, bundle.Key.Kind);
    }

    [Theory]
    [InlineData("\"refreshToken\": null")]
    [InlineData("\"refreshToken\": \"\"")]
    [InlineData("\"refreshToken\": \"   \"")]
    [InlineData("\"other\": 1")]
    public void Parse_NoRefreshToken_CannotRefresh(string refreshPart)
    {
        var bundle = TokenBundle.Parse($$"""{"authToken": "{{TestKeys.V1().Value}}", "validUntil": {{ValidUntil}}, {{refreshPart}}}""");

        Assert.Null(bundle.RefreshToken);
        Assert.False(bundle.CanRefresh);
        Assert.Equal("the token file has no refresh token", bundle.NotRefreshableReason);
    }

    [Fact]
    public void Parse_V2Key_CannotRefreshEvenWithRefreshToken()
    {
        var bundle = TokenBundle.Parse(TestKeys.File(TestKeys.V2().Value, "refresh-abc"));

        Assert.False(bundle.CanRefresh);
        Assert.Contains("v2", bundle.NotRefreshableReason, StringComparison.Ordinal);
    }

    /// <summary>Every bad input, with the field and problem its error must name. Tokens in here are secrets.</summary>
    public static TheoryData<string, string, string> BadInputs()
    {
        var key = TestKeys.V1("bad-input-subject").Value;
        return new TheoryData<string, string, string>
        {
            { "", "(document)", "is not valid JSON" },
            { $"{{\"authToken\": \"{key}\"", "(document)", "is not valid JSON" },
            { $"authToken={key}", "(document)", "is not valid JSON" },
            { $"[\"{key}\"]", "(document)", "is a JSON array, not an object" },
            { $"\"{key}\"", "(document)", "is a JSON string, not an object" },
            { "42", "(document)", "is a JSON number, not an object" },
            { "null", "(document)", "is a JSON null, not an object" },
            { $"{{\"authToken\": \"{key}\", \"pad\": \"{new string('x', 65 * 1024)}\", \"validUntil\": {ValidUntil}}}", "(document)", "is larger than 64 KiB" },
            { $"{{\"validUntil\": {ValidUntil}, \"refreshToken\": \"refresh-secret-xyz\"}}", "authToken", "is missing or empty" },
            { $"{{\"authToken\": \"\", \"validUntil\": {ValidUntil}}}", "authToken", "is missing or empty" },
            { $"{{\"authToken\": 12345, \"validUntil\": {ValidUntil}}}", "authToken", "must be a string, not a JSON number" },
            { $"{{\"apiKey\": {{\"k\": \"{key}\"}}, \"validUntil\": {ValidUntil}}}", "apiKey", "must be a string, not a JSON object" },
            { $"{{\"authToken\": \"{key}\", \"apiKey\": \"{TestKeys.Legacy().Value}\", \"validUntil\": {ValidUntil}}}", "authToken", "and apiKey are both present and differ" },
            { $"{{\"authToken\": \"hunter2-not-a-key\", \"validUntil\": {ValidUntil}}}", "authToken", "is not a Momento API key" },
            { $"{{\"authToken\": \"{TestKeys.Jwt(new { sub = "jwt-secret" })}\", \"validUntil\": {ValidUntil}}}", "authToken", "is a JWT without Momento's endpoint claims" },
            { $"{{\"authToken\": \"{key}\", \"refreshToken\": 7, \"validUntil\": {ValidUntil}}}", "refreshToken", "must be a string, not a JSON number" },
            { $"{{\"authToken\": \"{key}\", \"refreshToken\": [\"refresh-secret-xyz\"], \"validUntil\": {ValidUntil}}}", "refreshToken", "must be a string, not a JSON array" },
            { $"{{\"authToken\": \"{key}\"}}", "validUntil", "is missing" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": null}}", "validUntil", "is missing" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": 1767225600.5}}", "validUntil", "must be a whole number of epoch seconds" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": 1e30}}", "validUntil", "must be a whole number of epoch seconds" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": \"soon\"}}", "validUntil", "is a string that is not a whole number" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": \"-5\"}}", "validUntil", "is a string that is not a whole number" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": \" 1767225600\"}}", "validUntil", "is a string that is not a whole number" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": true}}", "validUntil", "must be a number of epoch seconds, not a JSON boolean" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": 0}}", "validUntil", "is out of range" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": -1767225600}}", "validUntil", "is out of range" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": 253402300800}}", "validUntil", "is out of range" },
            { $"{{\"authToken\": \"{key}\", \"validUntil\": \"99999999999999\"}}", "validUntil", "is out of range" },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Parse_BadInput_ThrowsNamingFieldAndProblem(string json, string field, string problem)
    {
        var error = Assert.Throws<TokenFormatException>(() => TokenBundle.Parse(json));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Parse_BadInput_ErrorNeverContainsTokenText(string json, string field, string problem)
    {
        _ = (field, problem);
        var error = Assert.Throws<TokenFormatException>(() => TokenBundle.Parse(json));

        var shown = $"{error}\n{error.InnerException}";
        foreach (var secret in SecretsIn(json))
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void TryParse_BadInput_ReturnsTheSameError(string json, string field, string problem)
    {
        _ = problem;

        var parsed = TokenBundle.TryParse(json, out var bundle, out var error);

        Assert.False(parsed);
        Assert.Null(bundle);
        Assert.Equal(field, error!.Field);
    }

    [Fact]
    public void TryParse_GoodInput_ReturnsBundle()
    {
        var parsed = TokenBundle.TryParse(TestKeys.File(TestKeys.V1().Value), out var bundle, out var error);

        Assert.True(parsed);
        Assert.NotNull(bundle);
        Assert.Null(error);
    }

    [Fact]
    public void ToJson_IsCanonical()
    {
        var key = TestKeys.Legacy().Value;
        var bundle = TokenBundle.Parse($$"""{"apiKey": "{{key}}", "validUntil": "{{ValidUntil}}", "refreshToken": "r1", "x": 1}""");

        Assert.Equal($$"""{"authToken":"{{key}}","refreshToken":"r1","validUntil":{{ValidUntil}}}""", bundle.ToJson());
    }

    [Fact]
    public void ToJson_NoRefreshToken_OmitsIt()
    {
        var key = TestKeys.V1().Value;
        var bundle = TokenBundle.Parse(TestKeys.File(key, refreshToken: null));

        Assert.Equal($$"""{"authToken":"{{key}}","validUntil":{{ValidUntil}}}""", bundle.ToJson());
    }

    [Fact]
    public void ToJsonThenParse_AnyValidBundle_RoundTrips()
    {
        var keys = Gen.OneOf(
            Gen.String[Gen.Char.AlphaNumeric, 1, 40].Select(s => TestKeys.V1(s).Value),
            Gen.String[Gen.Char.AlphaNumeric, 1, 40].Select(s => TestKeys.Legacy(s).Value),
            Gen.String[Gen.Char.AlphaNumeric, 1, 40].Select(s => TestKeys.V2(s).Value));
        var refreshTokens = Gen.OneOf(Gen.Const((string?)null), Gen.String[Gen.Char, 1, 200].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => (string?)s));
        var bundles = Gen.Select(keys, refreshTokens, Gen.Long[1, 253_402_300_799],
            (key, refresh, seconds) => new TokenBundle(MomentoKey.Parse(key), refresh, DateTimeOffset.FromUnixTimeSeconds(seconds)));

        bundles.Sample(bundle => Assert.Equal(bundle, TokenBundle.Parse(bundle.ToJson())));
    }

    [Fact]
    public void ToString_NeverShowsKeyOrRefreshToken()
    {
        var bundle = TokenBundle.Parse(TestKeys.File(TestKeys.V1("subject-secret").Value, "refresh-secret-123"));

        var text = bundle.ToString();

        Assert.DoesNotContain(bundle.Key.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(bundle.Key.WireKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-secret-123", text, StringComparison.Ordinal);
        Assert.Contains("HasRefreshToken = True", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RemainingLifetime_FollowsTheClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(ValidUntil) - TimeSpan.FromHours(2));
        var bundle = TokenBundle.Parse(TestKeys.File(TestKeys.V1().Value, validUntil: ValidUntil));

        Assert.Equal(TimeSpan.FromHours(2), bundle.RemainingLifetime(clock));
        Assert.False(bundle.IsExpired(clock));

        clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        Assert.False(bundle.IsExpired(clock));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bundle.IsExpired(clock));
        Assert.True(bundle.RemainingLifetime(clock) <= TimeSpan.Zero);
    }

    private static IEnumerable<string> SecretsIn(string json)
    {
        // Every quoted string of 8+ characters in the input is treated as token text.
        var quoted = System.Text.RegularExpressions.Regex.Matches(json, "\"([^\"]{8,})\"");
        return quoted.Select(m => m.Groups[1].Value).Where(v => v is not "authToken" and not "refreshToken" and not "validUntil");
    }
}
