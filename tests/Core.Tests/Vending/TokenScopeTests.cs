using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class TokenScopeTests
{
    [Theory]
    [InlineData(TokenRole.SubscribeOnly, "subscribe-only")]
    [InlineData(TokenRole.PublishSubscribe, "publish-subscribe")]
    public void RoleName_EachRole_IsTheSettingValue(TokenRole role, string expected) =>
        Assert.Equal(expected, TokenScope.RoleName(role));

    [Fact]
    public void Descriptor_AllTopics_NamesRoleCacheAndWildcard() =>
        Assert.Equal("subscribe-only|5:cache|*", new TokenScope("cache", TokenRole.SubscribeOnly, topicPrefix: null).Descriptor);

    [Fact]
    public void Descriptor_PartsThatWouldConcatenateAlike_Differ()
    {
        var a = new TokenScope("a|1:b", TokenRole.SubscribeOnly, "c");
        var b = new TokenScope("a", TokenRole.SubscribeOnly, "b|1:c");

        Assert.NotEqual(a.Descriptor, b.Descriptor);
    }

    [Fact]
    public void Constructor_EmptyTopicPrefix_Throws() =>
        Assert.Throws<ArgumentException>(() => new TokenScope("cache", TokenRole.SubscribeOnly, string.Empty));
}
