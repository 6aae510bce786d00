using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>A seeded secret, a single-use-refresh Momento and a capturing log, driven through <see cref="Refresher"/>.</summary>
internal sealed class RotationWorld
{
    public const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf";
    public const string SeedVersion = "00000000-0000-0000-0000-000000000000";

    private int manualRuns;

    public RotationWorld()
    {
        Momento = new FakeMomento(Clock, Faults);
        Store.Seed(SeedVersion, Momento.Seed().ToJson());
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public InMemorySecretVersions Store { get; } = new();

    public FaultInjector Faults { get; } = new();

    public FakeMomento Momento { get; }

    public CapturingLogger Log { get; } = new();

    public CapturingMetrics Metrics { get; } = new();

    /// <summary>Every exception an invocation threw, for leak checks.</summary>
    public List<Exception> Errors { get; } = [];

    public IKeyLiveCheck? LiveCheck { get; set; }

    public TokenBundle Current => TokenBundle.Parse(Store.ValueOf(Store.HolderOf(SecretStages.Current)!)!);

    public static string RotationEvent(string step, string token, string secretId = SecretArn) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Step"] = step, ["SecretId"] = secretId, ["ClientRequestToken"] = token, ["RotationToken"] = "rotation-token",
        });

    public async Task<RefresherResult?> InvokeAsync(string json, CancellationToken cancellationToken = default)
    {
        using var input = JsonDocument.Parse(json);
        var refresher = new Refresher(
            new RefresherSettings(SecretArn), new FaultyVersions(Store, Faults), Momento, Clock, Log, Metrics, LiveCheck);
        try
        {
            return await refresher.HandleAsync(input.RootElement, cancellationToken);
        }
        catch (Exception e)
        {
            Errors.Add(e);
            throw;
        }
    }

    /// <summary>Runs a rotation as Secrets Manager does: RotateSecret's bookkeeping, then the four steps until one fails.</summary>
    public async Task RotateAsync(string token)
    {
        Momento.Context = token;
        Store.BeginRotation(token);
        foreach (var step in new[] { "createSecret", "setSecret", "testSecret", "finishSecret" })
        {
            await InvokeAsync(RotationEvent(step, token));
        }
    }

    public async Task<ManualRotationResult> RotateManuallyAsync()
    {
        Momento.Context = $"manual-{++manualRuns}";
        return Assert.IsType<ManualRotationResult>(await InvokeAsync("""{"momento_auth_token_secret_name": "momento-key"}"""));
    }

    public async Task<KeyCheckResult> CheckAsync() => Assert.IsType<KeyCheckResult>(await InvokeAsync("""{"check": {}}"""));
}
