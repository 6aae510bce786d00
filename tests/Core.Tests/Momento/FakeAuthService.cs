using Grpc.Core;
using MomentoTokenVending.Core.Momento.Protos;

namespace MomentoTokenVending.Core.Tests.Momento;

/// <summary>Momento's Auth service as the tests script it: records each call, then runs <see cref="Reply"/>.</summary>
internal sealed class FakeAuthService : Auth.AuthBase
{
    public List<(_RefreshApiTokenRequest Request, string? Agent, string Host)> Calls { get; } = [];

    public TaskCompletionSource CallReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<_RefreshApiTokenRequest, ServerCallContext, Task<_RefreshApiTokenResponse>> Reply { get; set; } =
        (_, _) => throw new RpcException(new Status(StatusCode.Unimplemented, "no reply scripted"));

    public override Task<_RefreshApiTokenResponse> RefreshApiToken(_RefreshApiTokenRequest request, ServerCallContext context)
    {
        Calls.Add((request, context.RequestHeaders.GetValue("agent"), context.GetHttpContext().Request.Host.Value ?? string.Empty));
        CallReceived.TrySetResult();
        return Reply(request, context);
    }
}
