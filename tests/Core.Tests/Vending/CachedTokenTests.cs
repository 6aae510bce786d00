using CsCheck;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class CachedTokenTests
{
    [Fact]
    public void Encode_Token_IsExpirySecondsColonToken()
    {
        var token = new VendedToken("abc+/=", DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        Assert.Equal("1800000000:abc+/=", CachedToken.Encode(token));
    }

    [Fact]
    public void TryDecode_EncodedToken_RoundTrips()
    {
        var text = Gen.String[Gen.Char.AlphaNumeric, 1, 200];
        var seconds = Gen.Long[0, 253_402_300_799];

        Gen.Select(text, seconds).Sample((t, s) =>
        {
            var decoded = CachedToken.TryDecode(CachedToken.Encode(new VendedToken(t, DateTimeOffset.FromUnixTimeSeconds(s))));
            return decoded is not null && decoded.Token == t && decoded.ExpiresAt.ToUnixTimeSeconds() == s;
        });
    }

    [Fact]
    public void TryDecode_TokenContainingColons_KeepsThemInTheToken() =>
        Assert.Equal("a:b:c", CachedToken.TryDecode("12:a:b:c")!.Token);

    [Theory]
    [InlineData("")]
    [InlineData("no-separator")]
    [InlineData(":token")]
    [InlineData("123:")]
    [InlineData("-5:token")]
    [InlineData("12a:token")]
    [InlineData("999999999999999999:token")]
    [InlineData("99999999999999999999999:token")]
    public void TryDecode_Malformed_Null(string value) => Assert.Null(CachedToken.TryDecode(value));

    [Fact]
    public void TryDecode_AnyString_NeverThrows() =>
        Gen.String.Sample(s => _ = CachedToken.TryDecode(s));
}
