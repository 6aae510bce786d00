using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>Binds <c>auth.Auth</c> to <see cref="FakeAuthService"/>.</summary>
internal sealed class AuthGrpcService(FakeAuthService service) : Auth.AuthBase
{
    public override Task<_RefreshApiTokenResponse> RefreshApiToken(_RefreshApiTokenRequest request, ServerCallContext context) =>
        service.RefreshAsync(request, context);
}
