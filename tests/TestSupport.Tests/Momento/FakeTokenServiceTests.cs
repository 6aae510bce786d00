using System.Text;
using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Tests.Momento;

public sealed class FakeTokenServiceTests : ServerFixture
{
    private Token.TokenClient Client => new(Channel);

    [Fact]
    public async Task GenerateDisposableToken_AcceptedKey_MintsUntilNowPlusTheRequestedLifetime()
    {
        var reply = await Client.GenerateDisposableTokenAsync(Request(Key, 3600));

        var issued = Assert.Single(Server.Token.Issued);
        Assert.Equal(Clock.GetUtcNow().AddHours(1), issued.ValidUntil);
        Assert.Equal((ulong)issued.ValidUntil.ToUnixTimeSeconds(), reply.ValidUntil);
        Assert.Equal(issued.ApiKey, reply.ApiKey);
        Assert.Equal(TestKeys.Cell, reply.Endpoint);
    }

    [Fact]
    public async Task GenerateDisposableToken_TwoMints_IssuesTwoDistinctTokens()
    {
        var first = await Client.GenerateDisposableTokenAsync(Request(Key, 60));
        var second = await Client.GenerateDisposableTokenAsync(Request(Key, 60));

        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.Equal(2, Server.Token.Issued.Count);
    }

    [Fact]
    public async Task GenerateDisposableToken_KeyNotAccepted_UnauthenticatedButRecorded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GenerateDisposableTokenAsync(Request("other-key", 60)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("other-key", Assert.Single(Server.Token.Requests).AuthToken);
        Assert.Empty(Server.Token.Issued);
    }

    [Fact]
    public async Task GenerateDisposableToken_AnyRequest_RecordsPermissionsLifetimeAndMetadata()
    {
        var request = Request(Key, 600);
        request.TokenId = "token-id";
        request.Permissions.Explicit.Permissions.Add(Topic(TopicRole.TopicReadWrite, cache: null, prefix: "chat-"));
        request.Permissions.Explicit.Permissions.Add(Topic(TopicRole.TopicWriteOnly, "c", name: "news"));
        var headers = new Metadata { { "authorization", Key }, { "agent", "agent-1" }, { "agent", "agent-2" }, { "runtime-version", "rt" } };

        await Client.GenerateDisposableTokenAsync(request, headers);

        var recorded = Assert.Single(Server.Token.Requests);
        Assert.Equal(TimeSpan.FromMinutes(10), recorded.ValidFor);
        Assert.Equal("token-id", recorded.TokenId);
        Assert.Equal(
            [
                new TopicGrant(TopicAccess.ReadOnly, "a-cache"),
                new TopicGrant(TopicAccess.ReadWrite, null, TopicNamePrefix: "chat-"),
                new TopicGrant(TopicAccess.WriteOnly, "c", TopicName: "news"),
            ],
            recorded.Permissions);
        Assert.Equal(Server.Endpoint, recorded.Metadata.Authority);
        Assert.Equal(Key, recorded.Metadata.Authorization);
        Assert.Equal("agent-1, agent-2", recorded.Metadata.Agent);
        Assert.Equal("rt", recorded.Metadata.RuntimeVersion);
    }

    [Theory]
    [InlineData("no expiry")]
    [InlineData("no permissions")]
    [InlineData("not a topic permission")]
    [InlineData("no role")]
    [InlineData("no cache")]
    [InlineData("no topic")]
    public async Task GenerateDisposableToken_MalformedRequest_InvalidArgumentAndNotRecorded(string malformation)
    {
        var request = Request(Key, 60);
        var topic = request.Permissions.Explicit.Permissions[0].TopicPermissions;
        switch (malformation)
        {
            case "no expiry": request.Expires = null; break;
            case "no permissions": request.Permissions = null; break;
            case "not a topic permission": request.Permissions.Explicit.Permissions[0] = new PermissionsType(); break;
            case "no role": topic.Role = TopicRole.TopicPermitNone; break;
            case "no cache": topic.ClearCache(); break;
            default: topic.ClearTopic(); break;
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GenerateDisposableTokenAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Empty(Server.Token.Requests);
        Assert.Equal(1, Server.Token.Calls);
    }

    [Fact]
    public async Task GenerateDisposableToken_RateLimited_ResourceExhaustedWithMomentosErrTrailer()
    {
        Server.Token.Fault = MomentoFault.RateLimited;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.GenerateDisposableTokenAsync(Request(Key, 60)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("operations_rate_limit_exceeded", error.Trailers.GetValue("err"));
        Assert.Equal(1, Server.Token.Calls);
        Assert.Empty(Server.Token.Requests);
    }

    [Fact]
    public async Task GenerateDisposableToken_Delayed_AnswersOnceTheServersClockPassesTheDelay()
    {
        Server.Token.Delay = TimeSpan.FromSeconds(10);
        var call = Client.GenerateDisposableTokenAsync(Request(Key, 60)).ResponseAsync;
        await Server.Token.WhenCalledAsync();

        Clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.False(call.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Single(Server.Token.Issued);
    }

    [Fact]
    public async Task DisposeAsync_CallHeldForever_EndsTheCall()
    {
        Server.Token.Delay = Timeout.InfiniteTimeSpan;
        var call = Client.GenerateDisposableTokenAsync(Request(Key, 60)).ResponseAsync;
        await Server.Token.WhenCalledAsync();

        await Server.DisposeAsync();

        await Assert.ThrowsAsync<RpcException>(() => call);
    }

    [Fact]
    public void ClientToken_AnyToken_IsBase64OfEndpointThenApiKey()
    {
        var metadata = new CallMetadata("host", null, null, null, null);
        var issued = new IssuedToken(new TokenRequest(Key, TimeSpan.FromMinutes(1), [], "", metadata), "the-token", "cell.example", DateTimeOffset.UnixEpoch);

        Assert.Equal("""{"endpoint":"cell.example","api_key":"the-token"}""", Encoding.UTF8.GetString(Convert.FromBase64String(issued.ClientToken)));
    }

    private static _GenerateDisposableTokenRequest Request(string authToken, uint validForSeconds) => new()
    {
        AuthToken = authToken,
        Expires = new _GenerateDisposableTokenRequest.Types.Expires { ValidForSeconds = validForSeconds },
        Permissions = new Permissions { Explicit = new ExplicitPermissions { Permissions = { Topic(TopicRole.TopicReadOnly, "a-cache") } } },
    };

    private static PermissionsType Topic(TopicRole role, string? cache, string? name = null, string? prefix = null)
    {
        var topic = new PermissionsType.Types.TopicPermissions { Role = role };
        if (cache is null)
        {
            topic.AllCaches = new PermissionsType.Types.All();
        }
        else
        {
            topic.CacheSelector = new PermissionsType.Types.CacheSelector { CacheName = cache };
        }

        if (name is not null)
        {
            topic.TopicSelector = new PermissionsType.Types.TopicSelector { TopicName = name };
        }
        else if (prefix is not null)
        {
            topic.TopicSelector = new PermissionsType.Types.TopicSelector { TopicNamePrefix = prefix };
        }
        else
        {
            topic.AllTopics = new PermissionsType.Types.All();
        }

        return new PermissionsType { TopicPermissions = topic };
    }
}
