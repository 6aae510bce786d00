using CsCheck;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class StackSettingsTests
{
    [Fact]
    public void Read_NothingSet_UsesTheDefaults()
    {
        var settings = StackSettings.Read(_ => null);

        Assert.Equal("momento_token.info.json", settings.TokenFile);
        Assert.Equal("default-cache", settings.CacheName);
        Assert.Equal("subscribe-only", settings.TokenScope);
        Assert.Equal(string.Empty, settings.TopicPrefix);
        Assert.Equal(60, settings.TokenLifetimeMinutes);
        Assert.Equal(5, settings.TokenReuseMinutes);
        Assert.Equal(5, settings.KeyCacheTtlMinutes);
        Assert.Equal("/token", settings.VendingRoute);
        Assert.Equal("GET /token", settings.RouteKey);
        Assert.Equal("rate(1 day)", settings.RotationSchedule.Expression);
        Assert.Equal(["*"], settings.AllowedOrigins);
        Assert.Equal(10, settings.ThrottleRate);
        Assert.Equal(20, settings.ThrottleBurst);
        Assert.Equal(14, settings.LogRetentionDays);
        Assert.Null(settings.KmsKeyArn);
        Assert.Null(settings.AlarmEmail);
        Assert.False(settings.Reseed);
        Assert.False(settings.SnapStart);
        Assert.Equal(72, settings.KeyExpiryWarningHours);
    }

    [Fact]
    public void Defaults_MatchPulumiYaml()
    {
        var declared = PulumiYamlDefaults();

        Assert.Equal(StackConfigKeys.Defaults.OrderBy(d => d.Key), declared.OrderBy(d => d.Key));
    }

    [Fact]
    public void Read_EverySetValue_IsUsed()
    {
        var settings = Read(new()
        {
            ["tokenFile"] = "secrets/key.json",
            ["cacheName"] = "chat",
            ["tokenScope"] = "publish-subscribe",
            ["topicPrefix"] = "room-",
            ["tokenLifetime"] = "1500",
            ["tokenReuse"] = "0",
            ["keyCacheTtl"] = "1440",
            ["vendingRoute"] = "/v1/momento-token",
            ["rotationSchedule"] = "rate(12 hours)",
            ["allowedOrigins"] = " https://app.example.com, http://localhost:3000 ,https://APP.example.com",
            ["throttleRate"] = "10000",
            ["throttleBurst"] = "5000",
            ["logRetentionDays"] = "3653",
            ["kmsKeyArn"] = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            ["alarmEmail"] = "ops@example.com",
            ["reseed"] = "True",
            ["snapStart"] = "true",
            ["keyExpiryWarningHours"] = "17520",
        });

        Assert.Equal("secrets/key.json", settings.TokenFile);
        Assert.Equal("chat", settings.CacheName);
        Assert.Equal("publish-subscribe", settings.TokenScope);
        Assert.Equal("room-", settings.TopicPrefix);
        Assert.Equal(1500, settings.TokenLifetimeMinutes);
        Assert.Equal(0, settings.TokenReuseMinutes);
        Assert.Equal(1440, settings.KeyCacheTtlMinutes);
        Assert.Equal("GET /v1/momento-token", settings.RouteKey);
        Assert.Equal(TimeSpan.FromHours(12), settings.RotationSchedule.LongestInterval);
        Assert.Equal(["https://app.example.com", "http://localhost:3000"], settings.AllowedOrigins);
        Assert.Equal(10000, settings.ThrottleRate);
        Assert.Equal(5000, settings.ThrottleBurst);
        Assert.Equal(3653, settings.LogRetentionDays);
        Assert.Equal("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", settings.KmsKeyArn);
        Assert.Equal("ops@example.com", settings.AlarmEmail);
        Assert.True(settings.Reseed);
        Assert.True(settings.SnapStart);
        Assert.Equal(17520, settings.KeyExpiryWarningHours);
    }

    [Theory]
    [InlineData("tokenFile", " ")]
    [InlineData("cacheName", "")]
    [InlineData("cacheName", "my cache")]
    [InlineData("tokenScope", "admin")]
    [InlineData("tokenScope", "Subscribe-Only")]
    [InlineData("topicPrefix", "a b")]
    [InlineData("tokenLifetime", "0")]
    [InlineData("tokenLifetime", "1501")]
    [InlineData("tokenLifetime", "sixty")]
    [InlineData("tokenLifetime", "60.5")]
    [InlineData("tokenReuse", "60")]
    [InlineData("tokenReuse", "-1")]
    [InlineData("keyCacheTtl", "0")]
    [InlineData("keyCacheTtl", "1441")]
    [InlineData("vendingRoute", "vend")]
    [InlineData("vendingRoute", "/token/")]
    [InlineData("vendingRoute", "//token")]
    [InlineData("vendingRoute", "/{proxy+}")]
    [InlineData("vendingRoute", "/to ken")]
    [InlineData("rotationSchedule", "rate(1 hour)")]
    [InlineData("rotationSchedule", "every day")]
    [InlineData("allowedOrigins", "")]
    [InlineData("allowedOrigins", " , ")]
    [InlineData("allowedOrigins", "*,https://app.example.com")]
    [InlineData("allowedOrigins", "app.example.com")]
    [InlineData("allowedOrigins", "https://app.example.com/")]
    [InlineData("allowedOrigins", "https://app.example.com/path")]
    [InlineData("allowedOrigins", "ftp://app.example.com")]
    [InlineData("allowedOrigins", "https://user@app.example.com")]
    [InlineData("throttleRate", "0")]
    [InlineData("throttleRate", "10001")]
    [InlineData("throttleBurst", "0")]
    [InlineData("throttleBurst", "5001")]
    [InlineData("logRetentionDays", "0")]
    [InlineData("logRetentionDays", "10")]
    [InlineData("logRetentionDays", "-14")]
    [InlineData("kmsKeyArn", "alias/my-key")]
    [InlineData("kmsKeyArn", "arn:aws:kms:us-east-1:123456789012:alias/my-key")]
    [InlineData("kmsKeyArn", "1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("alarmEmail", "not-an-address")]
    [InlineData("alarmEmail", "Ops <ops@example.com>")]
    [InlineData("alarmEmail", "a@example.com,b@example.com")]
    [InlineData("reseed", "yes")]
    [InlineData("reseed", "1")]
    [InlineData("snapStart", "on")]
    [InlineData("keyExpiryWarningHours", "47")]
    [InlineData("keyExpiryWarningHours", "0")]
    [InlineData("keyExpiryWarningHours", "-72")]
    [InlineData("keyExpiryWarningHours", "17521")]
    [InlineData("keyExpiryWarningHours", "72.5")]
    [InlineData("keyExpiryWarningHours", "3 days")]
    public void Read_BadValue_ThrowsNamingTheKeyButNotTheValue(string key, string value)
    {
        var error = Assert.Throws<StackConfigException>(() => Read(new() { [key] = value }));

        Assert.Equal($"momento-token-vending:{key}", error.Key);
        Assert.StartsWith($"momento-token-vending:{key} ", error.Message, StringComparison.Ordinal);
        if (value.Trim().Length > 3)
        {
            Assert.DoesNotContain(value, error.Message[error.Key.Length..], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_ReuseJustBelowLifetime_IsAccepted()
    {
        var settings = Read(new() { ["tokenLifetime"] = "10", ["tokenReuse"] = "9" });

        Assert.Equal(9, settings.TokenReuseMinutes);
    }

    [Fact]
    public void Read_KeyExpiryWarningAtItsFloor_IsAccepted()
    {
        Assert.Equal(48, Read(new() { ["keyExpiryWarningHours"] = "48" }).KeyExpiryWarningHours);
    }

    [Fact]
    public void Read_AnyTextForAnyKey_EitherReadsOrNamesThatKey()
    {
        var keys = Gen.OneOf(StackConfigKeys.Defaults.Keys.ToArray());
        var values = Gen.OneOf(Gen.String, Gen.Int[-100, 20000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Gen.Select(keys, values).Sample((key, value) =>
        {
            try
            {
                Read(new() { [key] = value });
            }
            catch (StackConfigException e)
            {
                Assert.Equal($"momento-token-vending:{key}", e.Key);
            }
        });
    }

    private static StackSettings Read(Dictionary<string, string> values) =>
        StackSettings.Read(key => values.GetValueOrDefault(key));

    // Pulumi.yaml's "config:" section: "  <key>:" lines each followed by an indented "default: <value>".
    private static Dictionary<string, string> PulumiYamlDefaults()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var line in File.ReadLines(Path.Combine(root, "Pulumi.yaml")).SkipWhile(l => l != "config:").Skip(1))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                key = line.Trim().TrimEnd(':');
            }
            else if (key is not null && line.Trim().StartsWith("default:", StringComparison.Ordinal))
            {
                var value = line.Trim()["default:".Length..].Trim();
                defaults[key] = value.Length >= 2 && value[0] == '"' ? value[1..^1] : value;
            }
        }

        return defaults;
    }
}
