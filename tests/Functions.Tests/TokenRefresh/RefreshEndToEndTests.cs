using Amazon.Lambda.TestUtilities;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.TestSupport.Momento;
using MomentoTokenVending.TokenRefresh;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

/// <summary>
/// The refresh function end to end: its handler and serializer, Core's rotation, the Secrets Manager adapter
/// against moto holding the secret as a deploy seeds it, and Core's <see cref="MomentoRefreshClient"/> on the wire
/// to a <see cref="MomentoServer"/>'s <c>auth.Auth/RefreshApiToken</c>.
/// </summary>
/// <remarks>
/// One piece is not as deployed: <see cref="MomentoRefreshClient"/> always dials TLS on port 443 to the key's
/// control host, and nothing in production can point it elsewhere. It is built through its internal constructor
/// with the server's redirecting handler, as Core's own tests build it; the handler records the address it dialled.
/// </remarks>
public sealed class RefreshEndToEndTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly TestLambdaContext context = FunctionTests.Context();
    private readonly List<TokenBundle> bundles = [];
    private MomentoServer server = null!;
    private LoopbackRedirectHandler handler = null!;

    public async Task InitializeAsync()
    {
        server = await MomentoServer.StartAsync(clock);
        handler = server.CreateRedirectHandler();
        bundles.Add(Bundle(0));

        // Momento's side of two refreshes in a row: each key and refresh token is answered once, with the next.
        for (var n = 0; n < 2; n++)
        {
            var next = Bundle(n + 1);
            bundles.Add(next);
            server.Auth.Grant(
                bundles[n].Key.WireKey,
                bundles[n].RefreshToken!,
                new RefreshReply(next.Key.WireKey, next.RefreshToken!, TestKeys.Cell, (ulong)next.ValidUntil.ToUnixTimeSeconds()));
        }
    }

    public async Task DisposeAsync()
    {
        handler.Dispose();
        await server.DisposeAsync();
    }

    [SkippableFact]
    public async Task ScheduledRotationThenManualInvoke_EachStepLeavesTheVersionsAndLabelsTheReadmePromises()
    {
        var (arn, seed) = await moto.SeedAsDeployedAsync(bundles[0].ToJson());
        var token = Guid.NewGuid().ToString();
        using var momento = new MomentoRefreshClient(new MomentoRefreshOptions(), clock, handler);
        using var metrics = new StringWriter();
        var sut = new Function(new RefresherSettings(arn), moto.Client, momento, clock, metrics);

        // createSecret: Momento is asked once, and its answer is at once the pending version.
        Assert.Null(await InvokeAsync(sut, RotationEvent("createSecret", arn, token)));
        var refresh = Assert.Single(server.Auth.Requests);
        Assert.Equal((bundles[0].Key.WireKey, bundles[0].RefreshToken), (refresh.ApiKey, refresh.RefreshToken));
        Assert.Equal(new Uri($"https://control.{TestKeys.Cell}:443/auth.Auth/RefreshApiToken"), Assert.Single(handler.RequestedUris));
        Assert.Equal(bundles[1], await ReadAsync(arn, SecretStages.Pending));
        await AssertLabelsAsync(arn, (seed, [SecretStages.Current, SecretStages.Seeded]), (token, [SecretStages.Pending]));

        // setSecret and testSecret change nothing.
        Assert.Null(await InvokeAsync(sut, RotationEvent("setSecret", arn, token)));
        Assert.Null(await InvokeAsync(sut, RotationEvent("testSecret", arn, token)));
        await AssertLabelsAsync(arn, (seed, [SecretStages.Current, SecretStages.Seeded]), (token, [SecretStages.Pending]));

        // finishSecret: AWSCURRENT moves to the new version; the seeded one is AWSPREVIOUS and keeps SEEDED. The function
        // moves AWSCURRENT only, so AWSPENDING stays with the new version until the next rotation takes it.
        Assert.Null(await InvokeAsync(sut, RotationEvent("finishSecret", arn, token)));
        Assert.Equal(bundles[1], await ReadAsync(arn, SecretStages.Current));
        await AssertLabelsAsync(arn, (seed, [SecretStages.Previous, SecretStages.Seeded]), (token, [SecretStages.Current, SecretStages.Pending]));

        // A manual invoke runs all four steps and answers the new version and its expiry.
        var manual = Assert.IsType<ManualRotationResult>(await InvokeAsync(sut, $$"""{"secretId": "{{arn}}"}"""));

        Assert.Equal((arn, bundles[2].ValidUntil.ToUnixTimeSeconds()), (manual.SecretId, manual.ValidUntil));
        Assert.Equal(bundles[2], await ReadAsync(arn, SecretStages.Current));
        Assert.Equal(2, server.Auth.Requests.Count);
        await AssertLabelsAsync(
            arn,
            (seed, [SecretStages.Seeded]),
            (token, [SecretStages.Previous]),
            (manual.VersionId, [SecretStages.Current, SecretStages.Pending]));
        AssertLogHoldsNoSecret();

        // Every one of the five runs reported the key's remaining life, and none of them the key.
        var lines = metrics.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Count(line => line.Contains("\"KeyHoursRemaining\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(bundles[2].Key.WireKey, metrics.ToString(), StringComparison.Ordinal);
    }

    private static string RotationEvent(string step, string arn, string token) =>
        $$"""{"Step": "{{step}}", "SecretId": "{{arn}}", "ClientRequestToken": "{{token}}", "RotationToken": "r"}""";

    // Whole seconds, as Momento issues them: the secret stores validUntil in epoch seconds.
    private TokenBundle Bundle(int n) => new(
        MomentoKey.Parse(MomentoKey.WrapV1(TestKeys.InnerJwt($"refresh-e2e-key-{n}"), TestKeys.Cell)),
        $"refresh-e2e-refresh-token-{n}",
        DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().AddDays(10 + n).ToUnixTimeSeconds()));

    private Task<RefresherResult?> InvokeAsync(Function sut, string json) => FunctionTests.InvokeAsync(sut, json, context);

    private async Task<TokenBundle> ReadAsync(string arn, string stage)
    {
        var value = await moto.Client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn, VersionStage = stage });
        return TokenBundle.Parse(value.SecretString);
    }

    private async Task AssertLabelsAsync(string arn, params (string VersionId, string[] Stages)[] expected)
    {
        var described = await moto.Client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn });
        Assert.Equal(
            expected.ToDictionary(version => version.VersionId, version => string.Join(",", version.Stages.Order(StringComparer.Ordinal)), StringComparer.Ordinal),
            described.VersionIdsToStages.ToDictionary(version => version.Key, version => string.Join(",", version.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal));
    }

    private void AssertLogHoldsNoSecret()
    {
        var logged = ((TestLambdaLogger)context.Logger).Buffer.ToString();
        Assert.NotEmpty(logged);
        foreach (var bundle in bundles)
        {
            Assert.DoesNotContain(bundle.Key.Value, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(bundle.Key.WireKey, logged, StringComparison.Ordinal);
            Assert.DoesNotContain(bundle.RefreshToken!, logged, StringComparison.Ordinal);
        }
    }
}
