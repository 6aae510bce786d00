using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// Momento's <c>auth.Auth</c> service, <c>RefreshApiToken</c>: answers each refresh <see cref="Grant"/>ed for a
/// key and refresh token once, as Momento spends a refresh token on use, and <c>UNAUTHENTICATED</c> otherwise.
/// </summary>
public sealed class FakeAuthService : FakeMomentoService
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string ApiKey, string RefreshToken), RefreshReply> grants = [];
    private readonly Journal<RefreshRequest> requests = new();

    internal FakeAuthService(TimeProvider clock, CancellationToken stopping)
        : base(clock, stopping)
    {
    }

    /// <summary>Every request that got past <see cref="FakeMomentoService.Fault"/>, granted or not, in order.</summary>
    public IReadOnlyList<RefreshRequest> Requests => requests.Snapshot();

    /// <summary>Answers the next refresh of <paramref name="apiKey"/> with <paramref name="refreshToken"/> with <paramref name="reply"/>, once.</summary>
    public void Grant(string apiKey, string refreshToken, RefreshReply reply)
    {
        lock (gate)
        {
            grants[(apiKey, refreshToken)] = reply;
        }
    }

    internal async Task<_RefreshApiTokenResponse> RefreshAsync(_RefreshApiTokenRequest request, ServerCallContext context)
    {
        await EnterAsync(context);
        requests.Add(new RefreshRequest(request.ApiKey, request.RefreshToken, CallMetadata.From(context)));
        RefreshReply? reply;
        lock (gate)
        {
            grants.Remove((request.ApiKey, request.RefreshToken), out reply);
        }

        return reply is null
            ? throw Unauthenticated()
            : new _RefreshApiTokenResponse
            {
                ApiKey = reply.ApiKey,
                RefreshToken = reply.RefreshToken,
                Endpoint = reply.Endpoint,
                ValidUntil = reply.ValidUntil,
            };
    }
}
