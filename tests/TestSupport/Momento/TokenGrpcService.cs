using Grpc.Core;
using MomentoTokenVending.TestSupport.Momento.Protos;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>Binds <c>token.Token</c> to <see cref="FakeTokenService"/>.</summary>
internal sealed class TokenGrpcService(FakeTokenService service) : Token.TokenBase
{
    public override Task<_GenerateDisposableTokenResponse> GenerateDisposableToken(_GenerateDisposableTokenRequest request, ServerCallContext context) =>
        service.GenerateAsync(request, context);
}
