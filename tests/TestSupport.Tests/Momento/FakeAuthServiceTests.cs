using Grpc.Core;
using Grpc.Net.Client;
using MomentoTokenVending.TestSupport.Momento;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Tests.Momento;

public sealed class FakeAuthServiceTests : ServerFixture
{
    private static readonly RefreshReply Reply = new("new-key", "new-refresh-token", "cell-2.example", 1_800_000_000);

    private Auth.AuthClient Client => new(Channel);

    [Fact]
    public async Task RefreshApiToken_Granted_AnswersTheGrantedReply()
    {
        Server.Auth.Grant("old-key", "refresh-token", Reply);

        var reply = await Client.RefreshApiTokenAsync(new _RefreshApiTokenRequest { ApiKey = "old-key", RefreshToken = "refresh-token" });

        Assert.Equal(Reply, new RefreshReply(reply.ApiKey, reply.RefreshToken, reply.Endpoint, reply.ValidUntil));
        var request = Assert.Single(Server.Auth.Requests);
        Assert.Equal(("old-key", "refresh-token"), (request.ApiKey, request.RefreshToken));
    }

    [Fact]
    public async Task RefreshApiToken_GrantUsedTwice_SecondIsUnauthenticated()
    {
        Server.Auth.Grant("old-key", "refresh-token", Reply);
        var request = new _RefreshApiTokenRequest { ApiKey = "old-key", RefreshToken = "refresh-token" };
        await Client.RefreshApiTokenAsync(request);

        var error = await Assert.ThrowsAsync<RpcException>(() => Client.RefreshApiTokenAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(2, Server.Auth.Requests.Count);
    }

    [Fact]
    public async Task RefreshApiToken_OtherRefreshToken_Unauthenticated()
    {
        Server.Auth.Grant("old-key", "refresh-token", Reply);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.RefreshApiTokenAsync(new _RefreshApiTokenRequest { ApiKey = "old-key", RefreshToken = "guessed" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task CreateRedirectHandler_ClientDialingTlsOnAnotherHost_ReachesThisServerWithThatHostAsAuthority()
    {
        Server.Auth.Grant("old-key", "refresh-token", Reply);
        using var handler = Server.CreateRedirectHandler();
        using var channel = GrpcChannel.ForAddress("https://control.cell.example:443", new GrpcChannelOptions { HttpHandler = handler });

        await new Auth.AuthClient(channel).RefreshApiTokenAsync(new _RefreshApiTokenRequest { ApiKey = "old-key", RefreshToken = "refresh-token" });

        Assert.Equal(new Uri("https://control.cell.example:443/auth.Auth/RefreshApiToken"), Assert.Single(handler.RequestedUris));
        Assert.Equal("control.cell.example", Assert.Single(Server.Auth.Requests).Metadata.Authority);
    }
}
