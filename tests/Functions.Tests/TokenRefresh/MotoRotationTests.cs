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
public sealed class MotoRotationTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    private readonly SequenceMomento momento = new(TimeProvider.System);
    private readonly TestLambdaContext context = FunctionTests.Context();

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

        var result = await InvokeAsync(arn, $$"""{"momento_auth_token_secret_name": "{{name}}"}""");

        Assert.NotNull(result);
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

        var log = ((TestLambdaLogger)context.Logger).Buffer.ToString();
        Assert.NotEmpty(log);
        foreach (var bundle in momento.Issued)
        {
            Assert.DoesNotContain(bundle.Key.Value, log, StringComparison.Ordinal);
            Assert.DoesNotContain(bundle.Key.WireKey, log, StringComparison.Ordinal);
            Assert.DoesNotContain(bundle.RefreshToken!, log, StringComparison.Ordinal);
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

    private Task<ManualRotationResult?> InvokeAsync(string arn, string json) =>
        FunctionTests.InvokeAsync(new Function(new RefresherSettings(arn), moto.Client, momento, TimeProvider.System), json, context);
}
