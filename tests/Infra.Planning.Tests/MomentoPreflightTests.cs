using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class MomentoPreflightTests
{
    private const string Cache = "chat-cache";

    private static readonly MomentoKey Key = TestKeys.V1("preflight-secret-key");

    [Fact]
    public void Judge_CacheAmongTheListed_PassesQuietly()
    {
        Assert.Empty(MomentoPreflight.Judge(new CachesListed(["other", Cache]), Cache, Key));
    }

    [Fact]
    public void Judge_CacheMissing_FailsNamingCacheNameListingTheCachesAndHowToCreateOne()
    {
        var error = Assert.Throws<StackConfigException>(() => MomentoPreflight.Judge(new CachesListed(["zeta", "alpha"]), Cache, Key));

        Assert.Equal("momento-token-vending:cacheName", error.Key);
        Assert.Contains("names cache 'chat-cache', which does not exist for this key (cell cache.cell-1.example.momentohq.com)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Caches the key can see: alpha, zeta.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Momento console", error.Message, StringComparison.Ordinal);
        Assert.Contains("momento cache create", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoCachesAtAll_SaysNone()
    {
        var error = Assert.Throws<StackConfigException>(() => MomentoPreflight.Judge(new CachesListed([]), Cache, Key));

        Assert.Contains("Caches the key can see: none.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_CacheNamesDifferOnlyInCase_IsMissing()
    {
        Assert.Throws<StackConfigException>(() => MomentoPreflight.Judge(new CachesListed(["Chat-Cache"]), Cache, Key));
    }

    [Theory]
    [InlineData("AUTHENTICATION_ERROR")]
    [InlineData("INVALID_ARGUMENT_ERROR")]
    public void Judge_KeyRejected_FailsNamingTokenFileWithMomentosReason(string code)
    {
        var error = Assert.Throws<StackConfigException>(() => MomentoPreflight.Judge(new MomentoRefused(code, "Invalid signature"), Cache, Key));

        Assert.Equal("momento-token-vending:tokenFile", error.Key);
        Assert.Contains("holds a key Momento does not accept: Invalid signature.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Download a current key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_KeyInMomentosMessage_IsRedacted()
    {
        var error = Assert.Throws<StackConfigException>(() =>
            MomentoPreflight.Judge(new MomentoRefused("AUTHENTICATION_ERROR", $"bad token {Key.Value} / {Key.WireKey}"), Cache, Key));

        Assert.DoesNotContain(Key.Value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key.WireKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("bad token <redacted> / <redacted>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_KeyMayNotListCaches_WarnsWhatCouldNotBeChecked()
    {
        var warning = Assert.Single(MomentoPreflight.Judge(new MomentoRefused("PERMISSION_ERROR", "denied"), Cache, Key));

        Assert.Contains("Could not check", warning, StringComparison.Ordinal);
        Assert.Contains("'chat-cache'", warning, StringComparison.Ordinal);
        Assert.Contains("fine-grained key", warning, StringComparison.Ordinal);
        Assert.Contains("Deploying anyway", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SERVER_UNAVAILABLE")]
    [InlineData("CONNECTION_ERROR")]
    [InlineData("TIMEOUT_ERROR")]
    [InlineData("LIMIT_EXCEEDED_ERROR")]
    [InlineData("INTERNAL_SERVER_ERROR")]
    public void Judge_MomentoUnreachableOrFailing_WarnsWithTheCodeAndGoesOn(string code)
    {
        var warning = Assert.Single(MomentoPreflight.Judge(new MomentoRefused(code, $"failed near {Key.Value}"), Cache, Key));

        Assert.Contains($"Momento answered {code}", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Key.Value, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_NoAnswerInTime_WarnsHowLongItWaited()
    {
        var warning = Assert.Single(MomentoPreflight.Judge(new NoAnswer(TimeSpan.FromSeconds(15)), Cache, Key));

        Assert.Contains("did not answer within 15 s", warning, StringComparison.Ordinal);
    }
}
