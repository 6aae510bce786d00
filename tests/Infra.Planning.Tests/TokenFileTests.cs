using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Infra.Planning;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class TokenFileTests : IDisposable
{
    private readonly TempDirectory _project = new();
    private readonly FakeTimeProvider _clock = new(StackTestData.Now);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_RelativePath_ReadsTheFileUnderTheProjectFolder()
    {
        var key = StackTestData.LegacyKey();
        _project.Write("keys/momento_token.info.json", StackTestData.TokenJson(key, "r", StackTestData.Now.AddDays(10)));

        var bundle = TokenFile.Load(_project.Path, "keys/momento_token.info.json", _clock);

        Assert.Equal(key, bundle.Key.Value);
        Assert.Equal(MomentoKeyKind.Legacy, bundle.Key.Kind);
        Assert.True(bundle.CanRefresh);
    }

    [Fact]
    public void Load_AbsolutePath_IgnoresTheProjectFolder()
    {
        var path = _project.Write("elsewhere.json", StackTestData.TokenJson(StackTestData.V1Key(), null, StackTestData.Now.AddDays(1)));

        var bundle = TokenFile.Load("/nonexistent-project", path, _clock);

        Assert.False(bundle.CanRefresh);
    }

    [Fact]
    public void Load_V2Key_ThrowsBecauseVendingCannotUseIt()
    {
        _project.Write("v2.json", StackTestData.TokenJson(StackTestData.V2Key(), "r", StackTestData.Now.AddDays(10)));

        var error = Assert.Throws<StackConfigException>(() => TokenFile.Load(_project.Path, "v2.json", _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("v2 API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StackTestData.V2Key(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingTheKeyAndThePath()
    {
        var error = Assert.Throws<StackConfigException>(() => TokenFile.Load(_project.Path, "momento_token.info.json", _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains(Path.Combine(_project.Path, "momento_token.info.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Malformed_ThrowsNamingTheFieldButNoSecret()
    {
        _project.Write("t.json", $$"""{"authToken": "{{StackTestData.RefreshTokenText}}", "validUntil": 1}""");

        var error = Assert.Throws<StackConfigException>(() => TokenFile.Load(_project.Path, "t.json", _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("authToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StackTestData.RefreshTokenText, error.Message, StringComparison.Ordinal);
        Assert.IsType<TokenFormatException>(error.InnerException);
    }

    [Fact]
    public void Load_NotJson_ThrowsNamingTheKey()
    {
        _project.Write("t.json", "authToken=abc");

        var error = Assert.Throws<StackConfigException>(() => TokenFile.Load(_project.Path, "t.json", _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpiredKey_ThrowsWithTheExpiry()
    {
        _project.Write("t.json", StackTestData.TokenJson(StackTestData.V1Key(), StackTestData.RefreshTokenText, StackTestData.Now));

        var error = Assert.Throws<StackConfigException>(() => TokenFile.Load(_project.Path, "t.json", _clock));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("expired at 2026-11-23 12:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(StackTestData.RefreshTokenText, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeyValidOneSecondMore_IsAccepted()
    {
        _project.Write("t.json", StackTestData.TokenJson(StackTestData.V1Key(), "r", StackTestData.Now.AddSeconds(1)));

        Assert.NotNull(TokenFile.Load(_project.Path, "t.json", _clock));
    }
}
