using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class RotationLoggingTests
{
    private const string Token = "55555555-5555-5555-5555-555555555555";
    private const string OtherToken = "66666666-6666-6666-6666-666666666666";
    private const string SecretBodyMarker = "secret-body-marker-7f3a";

    public static TheoryData<string> Paths() =>
    [
        "scheduled rotation", "manual rotations", "refresh rejected", "unreadable pending", "unreadable current",
        "store always fails", "faults everywhere", "unaccepted events", "live check fails", "key checks",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Refresher_AnyPath_LogsAndErrorsNeverContainKeysTokensOrSecretValues(string path)
    {
        var world = new RotationWorld();

        await Record.ExceptionAsync(() => RunAsync(world, path));

        Assert.NotEmpty(world.Log.Lines);
        var secrets = world.Momento.Issued
            .SelectMany(bundle => new[] { bundle.Key.Value, bundle.Key.WireKey, bundle.RefreshToken!, bundle.ToJson() })
            .Append(SecretBodyMarker);
        var written = world.Log.Lines.Concat(world.Errors.Select(error => error.ToString())).Concat(world.Metrics.Documents).ToList();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(written, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task RunAsync(RotationWorld world, string path)
    {
        switch (path)
        {
            case "scheduled rotation":
                await world.RotateAsync(Token);
                await world.RotateAsync(Token);
                break;
            case "manual rotations":
                await world.RotateManuallyAsync();
                await world.RotateManuallyAsync();
                break;
            case "refresh rejected":
                world.Momento.Answer = KeyRefreshResult.Rejected("Momento did not accept the key or refresh token (UNAUTHENTICATED)");
                await world.RotateAsync(Token);
                break;
            case "unreadable pending":
                await world.Store.PutAsync(OtherToken, $"{{\"authToken\": \"{SecretBodyMarker}\"", [SecretStages.Pending], CancellationToken.None);
                await world.RotateManuallyAsync();
                break;
            case "unreadable current":
                await world.Store.PutAsync(OtherToken, $"{{\"authToken\": \"{SecretBodyMarker}\", \"validUntil\": 1}}", [SecretStages.Current], CancellationToken.None);
                await world.RotateAsync(Token);
                break;
            case "store always fails":
                world.Faults.AlwaysFails = name => name == "PutSecretValue";
                await world.RotateAsync(Token);
                break;
            case "faults everywhere":
                for (var call = 0; call < 10; call++)
                {
                    world.Faults.FaultAt = world.Faults.Calls.Count + call;
                    world.Faults.Phase = call % 2 == 0 ? FaultPhase.Before : FaultPhase.After;
                    await Record.ExceptionAsync(() => world.RotateAsync($"{Token[..^2]}{call:00}"));
                }

                break;
            case "unaccepted events":
                await Record.ExceptionAsync(() => world.InvokeAsync($$"""{"secretId": 1, "authToken": "{{SecretBodyMarker}}"}"""));
                await Record.ExceptionAsync(() => world.InvokeAsync($$"""{"Step": "{{SecretBodyMarker}}", "SecretId": "x", "ClientRequestToken": "t"}"""));
                await world.InvokeAsync($$"""{"secretId": "{{SecretBodyMarker}}"}""");
                break;
            case "key checks":
                await world.CheckAsync();
                world.Store.BeginRotation(OtherToken);
                await world.CheckAsync();
                await world.Store.PutAsync(Token, $"{{\"authToken\": \"{SecretBodyMarker}\", \"validUntil\": 1}}", [SecretStages.Current], CancellationToken.None);
                await world.CheckAsync();
                break;
            default:
                world.LiveCheck = new RejectingLiveCheck();
                await world.RotateAsync(Token);
                break;
        }
    }

    private sealed class RejectingLiveCheck : IKeyLiveCheck
    {
        public Task<bool> IsWorkingAsync(MomentoKey key, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
