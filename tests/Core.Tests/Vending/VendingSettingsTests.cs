using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class VendingSettingsTests
{
    [Fact]
    public void FromEnvironment_OnlyRequiredVariables_UsesDefaults()
    {
        var settings = new VendingEnvironmentBuilder().BuildSettings();

        Assert.Equal("arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key", settings.SecretId);
        Assert.Equal("browser-cache", settings.Scope.CacheName);
        Assert.Equal(TokenRole.SubscribeOnly, settings.Scope.Role);
        Assert.Null(settings.Scope.TopicPrefix);
        Assert.Equal(TimeSpan.FromMinutes(60), settings.TokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.ReuseWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.KeyCacheTtl);
        Assert.Equal(10_000, settings.MemoryEntries);
    }

    [Fact]
    public void FromEnvironment_EveryVariableSet_ReadsEach()
    {
        var settings = new VendingEnvironmentBuilder()
            .With(FunctionEnvironment.TokenScope, "publish-subscribe")
            .With(FunctionEnvironment.TopicPrefix, "chat-")
            .With(FunctionEnvironment.TokenLifetimeMinutes, "1500")
            .With(FunctionEnvironment.TokenReuseMinutes, "0")
            .With(FunctionEnvironment.KeyCacheTtlMinutes, "15")
            .With(FunctionEnvironment.TokenMemoryEntries, "0")
            .BuildSettings();

        Assert.Equal(TokenRole.PublishSubscribe, settings.Scope.Role);
        Assert.Equal("chat-", settings.Scope.TopicPrefix);
        Assert.Equal(TimeSpan.FromHours(25), settings.TokenLifetime);
        Assert.Equal(TimeSpan.Zero, settings.ReuseWindow);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.KeyCacheTtl);
        Assert.Equal(0, settings.MemoryEntries);
    }

    [Theory]
    [InlineData(FunctionEnvironment.TokenScope)]
    [InlineData(FunctionEnvironment.TopicPrefix)]
    [InlineData(FunctionEnvironment.TokenLifetimeMinutes)]
    [InlineData(FunctionEnvironment.TokenReuseMinutes)]
    [InlineData(FunctionEnvironment.KeyCacheTtlMinutes)]
    [InlineData(FunctionEnvironment.TokenMemoryEntries)]
    public void FromEnvironment_OptionalVariableEmpty_UsesDefault(string name)
    {
        var defaults = new VendingEnvironmentBuilder().BuildSettings();

        var settings = new VendingEnvironmentBuilder().With(name, string.Empty).BuildSettings();

        Assert.Equal(defaults.Scope.Descriptor, settings.Scope.Descriptor);
        Assert.Equal(defaults.TokenLifetime, settings.TokenLifetime);
        Assert.Equal(defaults.ReuseWindow, settings.ReuseWindow);
        Assert.Equal(defaults.KeyCacheTtl, settings.KeyCacheTtl);
        Assert.Equal(defaults.MemoryEntries, settings.MemoryEntries);
    }

    [Theory]
    [InlineData(FunctionEnvironment.SecretId, null)]
    [InlineData(FunctionEnvironment.SecretId, "  ")]
    [InlineData(FunctionEnvironment.CacheName, null)]
    [InlineData(FunctionEnvironment.CacheName, "")]
    [InlineData(FunctionEnvironment.CacheName, " padded ")]
    [InlineData(FunctionEnvironment.TokenScope, "subscribe")]
    [InlineData(FunctionEnvironment.TokenScope, "Subscribe-Only")]
    [InlineData(FunctionEnvironment.TopicPrefix, " ")]
    [InlineData(FunctionEnvironment.TokenLifetimeMinutes, "0")]
    [InlineData(FunctionEnvironment.TokenLifetimeMinutes, "1501")]
    [InlineData(FunctionEnvironment.TokenLifetimeMinutes, "-5")]
    [InlineData(FunctionEnvironment.TokenLifetimeMinutes, "1h")]
    [InlineData(FunctionEnvironment.TokenLifetimeMinutes, "99999999999")]
    [InlineData(FunctionEnvironment.TokenReuseMinutes, "60")]
    [InlineData(FunctionEnvironment.TokenReuseMinutes, "2.5")]
    [InlineData(FunctionEnvironment.KeyCacheTtlMinutes, "0")]
    [InlineData(FunctionEnvironment.KeyCacheTtlMinutes, "1441")]
    [InlineData(FunctionEnvironment.TokenMemoryEntries, "-1")]
    [InlineData(FunctionEnvironment.TokenMemoryEntries, "1000001")]
    [InlineData(FunctionEnvironment.TokenMemoryEntries, "10k")]
    public void FromEnvironment_BadValue_ErrorNamesTheVariable(string name, string? value)
    {
        var environment = new VendingEnvironmentBuilder().With(name, value).Build();

        var error = Assert.Throws<VendingSettingsException>(() => VendingSettings.FromEnvironment(environment));

        var only = Assert.Single(error.Errors);
        Assert.Equal(name, only.Variable);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_ReuseNotBelowLifetime_ErrorNamesReuseAndLifetime()
    {
        var environment = new VendingEnvironmentBuilder()
            .With(FunctionEnvironment.TokenLifetimeMinutes, "10")
            .With(FunctionEnvironment.TokenReuseMinutes, "10")
            .Build();

        var error = Assert.Throws<VendingSettingsException>(() => VendingSettings.FromEnvironment(environment));

        var only = Assert.Single(error.Errors);
        Assert.Equal(FunctionEnvironment.TokenReuseMinutes, only.Variable);
        Assert.Contains(FunctionEnvironment.TokenLifetimeMinutes, only.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_SeveralBadVariables_ListsEveryOne()
    {
        var environment = new VendingEnvironmentBuilder()
            .Without(FunctionEnvironment.SecretId)
            .With(FunctionEnvironment.TokenScope, "admin")
            .With(FunctionEnvironment.KeyCacheTtlMinutes, "never")
            .Build();

        var error = Assert.Throws<VendingSettingsException>(() => VendingSettings.FromEnvironment(environment));

        Assert.Equal(
            [FunctionEnvironment.SecretId, FunctionEnvironment.TokenScope, FunctionEnvironment.KeyCacheTtlMinutes],
            error.Errors.Select(e => e.Variable));
    }

    [Fact]
    public void FromEnvironment_BadValue_MessageDoesNotEchoTheValue()
    {
        var environment = new VendingEnvironmentBuilder()
            .With(FunctionEnvironment.TokenScope, "echo-me-not")
            .With(FunctionEnvironment.TokenLifetimeMinutes, "echo-me-not-either")
            .Build();

        var error = Assert.Throws<VendingSettingsException>(() => VendingSettings.FromEnvironment(environment));

        Assert.DoesNotContain("echo-me-not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VariableNames_ListsEveryVendingVariable()
    {
        Assert.Equal(
            [
                FunctionEnvironment.SecretId, FunctionEnvironment.CacheName, FunctionEnvironment.TokenScope,
                FunctionEnvironment.TopicPrefix, FunctionEnvironment.TokenLifetimeMinutes,
                FunctionEnvironment.TokenReuseMinutes, FunctionEnvironment.KeyCacheTtlMinutes, FunctionEnvironment.TokenMemoryEntries,
            ],
            VendingSettings.VariableNames);
    }
}
