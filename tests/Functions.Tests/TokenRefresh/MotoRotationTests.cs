using System.Text.Json;
using Amazon.Lambda.TestUtilities;
using Amazon.SecretsManager.Model;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.TokenRefresh;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

/// <summary>
/// The whole refresher — handler, serializer, Core and the Secrets Manager adapter — against moto's
/// Secrets Manager, with Momento replaced by <see cref="SequenceMomento"/>.
/// </summary>
public sealed class MotoRotationTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>, IDisposable
{
    private readonly SequenceMomento momento = new(TimeProvider.System);
    private readonly TestLambdaContext context = FunctionTests.Context();
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    [SkippableFact]
    public async Task RotationSteps_WholeRotation_PromotesTheRefreshedKey()
    {
        var (arn, seedVersion) = await SeedAsync();
        var token = Guid.NewGuid().ToString();

        foreach (var step in new[] { "createSecret", "setSecret", "testSecret", "finishSecret" })
        {
            Assert.Null(await InvokeAsync(arn, RotationEvent(step, arn, token)));
        }

        Assert.Equal(momento.Issued[1], await ReadAsync(arn, SecretStages.Current));
        var stages = (await moto.Client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn })).VersionIdsToStages;
        Assert.Contains(SecretStages.Current, stages[token]);
        Assert.Contains(SecretStages.Previous, stages[seedVersion]);
    }

    [SkippableFact]
    public async Task CreateSecret_Repeated_RefreshesOnce()
    {
        var (arn, _) = await SeedAsync();
        var token = Guid.NewGuid().ToString();

        await InvokeAsync(arn, RotationEvent("createSecret", arn, token));
        await InvokeAsync(arn, RotationEvent("createSecret", arn, token));

        Assert.Equal(1, momento.Refreshes);
        Assert.Equal(momento.Issued[1], await ReadAsync(arn, SecretStages.Pending));
    }

    [SkippableFact]
    public async Task ManualInvoke_ByName_ReturnsAndPromotesTheNewVersion()
    {
        var (arn, _) = await SeedAsync();
        var name = (await moto.Client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn })).Name;

        var result = Assert.IsType<ManualRotationResult>(await InvokeAsync(arn, $$"""{"momento_auth_token_secret_name": "{{name}}"}"""));

        Assert.Equal(arn, result.SecretId);
        Assert.Equal(momento.Issued[1].ValidUntil.ToUnixTimeSeconds(), result.ValidUntil);
        var current = await moto.Client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn, VersionStage = SecretStages.Current });
        Assert.Equal(result.VersionId, current.VersionId);
    }

    [SkippableFact]
    public async Task ManualInvoke_AfterInterruptedRotation_CarriesThePendingKeyForward()
    {
        var (arn, _) = await SeedAsync();
        await InvokeAsync(arn, RotationEvent("createSecret", arn, Guid.NewGuid().ToString()));

        await InvokeAsync(arn, $$"""{"secretId": "{{arn}}"}""");

        Assert.Equal(1, momento.Refreshes);
        Assert.Equal(momento.Issued[1], await ReadAsync(arn, SecretStages.Current));
    }

    [SkippableFact]
    public async Task Handler_AnyRun_LogsNoKeyOrRefreshToken()
    {
        var (arn, _) = await SeedAsync();

        await InvokeAsync(arn, $$"""{"secretId": "{{arn}}"}""");
        await InvokeAsync(arn, """{"check": {}}""");

        var log = Log() + output;
        Assert.NotEmpty(log);
        foreach (var bundle in momento.Issued)
        {
            Assert.DoesNotContain(bundle.Key.Value, log, StringComparison.Ordinal);
            Assert.DoesNotContain(bundle.Key.WireKey, log, StringComparison.Ordinal);
            Assert.DoesNotContain(bundle.RefreshToken!, log, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Check_WithoutRotation_ReportsTheSeededKeyAndChangesNothing()
    {
        var (arn, seedVersion) = await SeedAsync();
        var before = await moto.Client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn });

        var result = Assert.IsType<KeyCheckResult>(await InvokeAsync(arn, """{"check": {}}"""));

        Assert.Equal(seedVersion, result.VersionId);
        Assert.Equal(momento.Issued[0].ValidUntil.ToUnixTimeSeconds(), result.ValidUntil);
        Assert.InRange(result.HoursLeft, 239.9, 240);
        Assert.False(result.RotationEnabled);
        Assert.Null(result.PendingVersionId);
        Assert.Equal(0, momento.Refreshes);
        var after = await moto.Client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn });
        Assert.Equal(before.VersionIdsToStages, after.VersionIdsToStages);
        var summary = Log();
        Assert.Contains("Key check of {SecretId}: AWSCURRENT is version {VersionId}, valid until {ValidUntil:O}, {HoursLeft} hours left; rotation on: {RotationEnabled}", summary, StringComparison.Ordinal);
        Assert.Contains(seedVersion, summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Check_WithRotation_SaysRotationIsOn()
    {
        var (arn, seedVersion) = await SeedAsync();
        await moto.Client.RotateSecretAsync(new RotateSecretRequest
        {
            SecretId = arn,
            RotationRules = new RotationRulesType { AutomaticallyAfterDays = 1 },
            RotateImmediately = false,
        });

        // moto has no Lambda runtime: it ignores RotateImmediately = false and moves AWSCURRENT to a version of
        // its own making at once. Put the label back where AWS would have left it.
        var stages = (await moto.Client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = arn })).VersionIdsToStages;
        var movedTo = stages.Single(v => v.Value.Contains(SecretStages.Current)).Key;
        await moto.Client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
        {
            SecretId = arn,
            VersionStage = SecretStages.Current,
            MoveToVersionId = seedVersion,
            RemoveFromVersionId = movedTo,
        });

        var result = Assert.IsType<KeyCheckResult>(await InvokeAsync(arn, """{"check": {}}"""));

        Assert.True(result.RotationEnabled);
        Assert.Equal(momento.Issued[0].ValidUntil.ToUnixTimeSeconds(), result.ValidUntil);
        Assert.Equal(0, momento.Refreshes);
    }

    [SkippableFact]
    public async Task Check_RotationStoppedHalfWay_NotesThePendingVersion()
    {
        var (arn, _) = await SeedAsync();
        var token = Guid.NewGuid().ToString();
        await InvokeAsync(arn, RotationEvent("createSecret", arn, token));

        var result = Assert.IsType<KeyCheckResult>(await InvokeAsync(arn, """{"check": {}}"""));

        Assert.Equal(token, result.PendingVersionId);
        Assert.Contains("holds AWSPENDING beside AWSCURRENT", Log(), StringComparison.Ordinal);
        Assert.Equal(momento.Issued[1], await ReadAsync(arn, SecretStages.Pending));
    }

    [SkippableFact]
    public async Task Check_MalformedSecret_FailsNamingTheField()
    {
        var (arn, _) = await SeedAsync();
        await moto.Client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = arn, SecretString = """{"authToken": "not-a-key"}""" });

        var error = await Assert.ThrowsAsync<RotationException>(() => InvokeAsync(arn, """{"check": {}}"""));

        Assert.Contains("is not a valid token bundle: authToken:", error.Message, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [SkippableFact]
    public async Task EveryKindOfRun_WritesOneMetricLineForTheCurrentKey()
    {
        var (arn, _) = await SeedAsync();
        var token = Guid.NewGuid().ToString();
        var runs = new List<(string Event, TokenBundle Expected)>();
        foreach (var step in new[] { "createSecret", "setSecret", "testSecret", "finishSecret" })
        {
            await InvokeAsync(arn, RotationEvent(step, arn, token));
            runs.Add((step, await ReadAsync(arn, SecretStages.Current)));
        }

        await InvokeAsync(arn, $$"""{"secretId": "{{arn}}"}""");
        runs.Add(("manual", momento.Issued[2]));
        await InvokeAsync(arn, """{"check": {}}""");
        runs.Add(("check", momento.Issued[2]));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(runs.Count, lines.Length);
        Assert.Equal(momento.Issued[0], runs[0].Expected);
        Assert.Equal(momento.Issued[1], runs[3].Expected);
        foreach (var ((name, expected), line) in runs.Zip(lines))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
            Assert.Equal(KeyLifeMetric.Namespace, directive.GetProperty("Namespace").GetString());
            Assert.Equal(arn, root.GetProperty(KeyLifeMetric.DimensionName).GetString());
            var hours = (expected.ValidUntil - DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("_aws").GetProperty("Timestamp").GetInt64())).TotalHours;
            Assert.True(Math.Abs(hours - root.GetProperty(KeyLifeMetric.MetricName).GetDouble()) <= 0.005 + 1e-9, $"{name}: {line}");
        }
    }

    private static string RotationEvent(string step, string arn, string token) =>
        $$"""{"Step": "{{step}}", "SecretId": "{{arn}}", "ClientRequestToken": "{{token}}", "RotationToken": "r"}""";

    private Task<(string Arn, string SeedVersion)> SeedAsync() => moto.SeedAsDeployedAsync(momento.Seed().ToJson());

    private async Task<TokenBundle> ReadAsync(string arn, string stage)
    {
        var value = await moto.Client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = arn, VersionStage = stage });
        return TokenBundle.Parse(value.SecretString);
    }

    private string Log() => ((TestLambdaLogger)context.Logger).Buffer.ToString();

    private Task<RefresherResult?> InvokeAsync(string arn, string json) =>
        FunctionTests.InvokeAsync(new Function(new RefresherSettings(arn), moto.Client, momento, TimeProvider.System, output), json, context);
}
