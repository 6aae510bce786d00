using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class FunctionVariablesTests
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:momento-key-AbCdEf";

    [Fact]
    public void Vending_Settings_AreExactlyTheVariablesTheFunctionReads()
    {
        var settings = StackSettings.Read(key => key switch
        {
            "cacheName" => "chat",
            "tokenScope" => "publish-subscribe",
            "topicPrefix" => "room-",
            "tokenLifetime" => "30",
            "tokenReuse" => "2",
            "keyCacheTtl" => "7",
            _ => null,
        });

        var variables = FunctionVariables.Vending(settings, SecretArn);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["SECRET_ID"] = SecretArn,
                ["CACHE_NAME"] = "chat",
                ["TOKEN_SCOPE"] = "publish-subscribe",
                ["TOPIC_PREFIX"] = "room-",
                ["TOKEN_LIFETIME_MINUTES"] = "30",
                ["TOKEN_REUSE_MINUTES"] = "2",
                ["KEY_CACHE_TTL_MINUTES"] = "7",
                ["TOKEN_MEMORY_ENTRIES"] = "10000",
            },
            variables);
    }

    [Fact]
    public void Refresh_SecretArn_IsTheOnlyVariable()
    {
        Assert.Equal(new Dictionary<string, string> { ["SECRET_ID"] = SecretArn }, FunctionVariables.Refresh(SecretArn));
    }
}
