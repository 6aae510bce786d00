using System.Text.Json;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class RefresherTests
{
    private readonly RotationWorld world = new();

    [Theory]
    [InlineData("""{"secretId": "momento-key"}""")]
    [InlineData("""{"momento_auth_token_secret_name": "momento-key"}""")]
    [InlineData("""{"secretId": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf"}""")]
    [InlineData("""{"secretId": "momento-key", "momento_auth_token_secret_name": "momento-key"}""")]
    public async Task HandleAsync_ManualEvent_RotatesNowAndReturnsNewVersion(string json)
    {
        var result = Assert.IsType<ManualRotationResult>(await world.InvokeAsync(json));

        Assert.Equal(RotationWorld.SecretArn, result.SecretId);
        Assert.Equal(world.Store.HolderOf(SecretStages.Current), result.VersionId);
        Assert.Equal(world.Momento.Issued[1].ValidUntil.ToUnixTimeSeconds(), result.ValidUntil);
        Assert.Equal(world.Momento.Issued[1], world.Current);
    }

    [Fact]
    public async Task HandleAsync_ManualEventTwice_RotatesTwiceWithDistinctVersions()
    {
        var first = await world.RotateManuallyAsync();
        var second = await world.RotateManuallyAsync();

        Assert.NotEqual(first.VersionId, second.VersionId);
        Assert.Equal(world.Momento.Issued[2], world.Current);
    }

    [Fact]
    public async Task HandleAsync_RotationStep_ReturnsNull()
    {
        var result = await world.InvokeAsync(RotationWorld.RotationEvent("createSecret", "44444444-4444-4444-4444-444444444444"));

        Assert.Null(result);
    }

    [Theory]
    [InlineData("""{"secretId": "someone-elses-key"}""")]
    [InlineData("""{"secretId": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-ZzZzZz"}""")]
    [InlineData("""{"Step": "createSecret", "SecretId": "other", "ClientRequestToken": "t"}""")]
    public async Task HandleAsync_OtherSecret_RefusesBeforeTouchingAnything(string json)
    {
        var error = await Assert.ThrowsAsync<RotationException>(() => world.InvokeAsync(json));

        Assert.Contains("SECRET_ID", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Faults.Calls);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{}", "neither a rotation step, a manual rotation nor the key check")]
    [InlineData("""{"SecretId": "momento-key"}""", "neither a rotation step, a manual rotation nor the key check")]
    [InlineData("""{"secretId": ""}""", "neither a rotation step, a manual rotation nor the key check")]
    [InlineData("""{"check": null}""", "neither a rotation step, a manual rotation nor the key check")]
    [InlineData("""{"check": true}""", "\"check\" must be an object")]
    [InlineData("""{"check": {}, "secretId": "momento-key"}""", "\"check\" cannot be combined with \"secretId\"")]
    [InlineData("""{"check": {}, "Step": "createSecret", "SecretId": "momento-key", "ClientRequestToken": "t"}""", "\"check\" cannot be combined with \"Step\"")]
    [InlineData("""{"secretId": 7}""", "\"secretId\" must be a string")]
    [InlineData("""{"secretId": "a", "momento_auth_token_secret_name": "b"}""", "both present and differ")]
    [InlineData("""{"Step": "createSecret", "ClientRequestToken": "t"}""", "\"SecretId\" is missing")]
    [InlineData("""{"Step": "createSecret", "SecretId": "momento-key"}""", "\"ClientRequestToken\" is missing")]
    [InlineData("""{"Step": "rotateEverything", "SecretId": "momento-key", "ClientRequestToken": "t"}""", "\"Step\" is not one of")]
    public async Task HandleAsync_UnacceptedEvent_ThrowsNamingProblemAndAcceptedShapes(string json, string problem)
    {
        var error = await Assert.ThrowsAsync<RotationException>(() => world.InvokeAsync(json));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("momento_auth_token_secret_name", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientRequestToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("{\"check\": {}}", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Faults.Calls);
        Assert.Empty(world.Metrics.Documents);
    }

    [Fact]
    public async Task HandleAsync_CheckEvent_ReturnsTheCheckWithoutChangingAnything()
    {
        var before = world.Store.History.Select(id => (id, world.Store.ValueOf(id), string.Join(',', world.Store.StagesOf(id)))).ToList();

        var result = Assert.IsType<KeyCheckResult>(await world.InvokeAsync("""{"check": {}}"""));

        Assert.Equal(RotationWorld.SeedVersion, result.VersionId);
        Assert.Equal(before, world.Store.History.Select(id => (id, world.Store.ValueOf(id), string.Join(',', world.Store.StagesOf(id)))).ToList());
        Assert.Empty(world.Momento.IssuedFor);
        Assert.DoesNotContain(world.Faults.Calls, call => call.StartsWith("Put", StringComparison.Ordinal) || call.StartsWith("Update", StringComparison.Ordinal));
    }

    public static TheoryData<string> AcceptedEvents() =>
    [
        RotationWorld.RotationEvent("createSecret", "44444444-4444-4444-4444-444444444444"),
        RotationWorld.RotationEvent("setSecret", "44444444-4444-4444-4444-444444444444"),
        """{"secretId": "momento-key"}""",
        """{"check": {}}""",
    ];

    [Theory]
    [MemberData(nameof(AcceptedEvents))]
    public async Task HandleAsync_AnyAcceptedEvent_ReportsTheCurrentKeyOnce(string json)
    {
        await world.InvokeAsync(json);

        var report = Assert.Single(world.Metrics.Documents);
        Assert.Equal(KeyLifeMetric.Format(RotationWorld.SecretArn, world.Current.ValidUntil, world.Clock.GetUtcNow()), report);
    }

    [Fact]
    public async Task HandleAsync_ManualRotation_ReportsTheNewKey()
    {
        await world.RotateManuallyAsync();

        Assert.Equal(
            KeyLifeMetric.Format(RotationWorld.SecretArn, world.Momento.Issued[1].ValidUntil, world.Clock.GetUtcNow()),
            Assert.Single(world.Metrics.Documents));
    }

    [Fact]
    public async Task HandleAsync_StepFails_StillReportsTheCurrentKeyAndRethrows()
    {
        var error = await Assert.ThrowsAsync<RotationException>(() => world.InvokeAsync(RotationWorld.RotationEvent("testSecret", "44444444-4444-4444-4444-444444444444")));

        Assert.Contains("createSecret has not stored it", error.Message, StringComparison.Ordinal);
        Assert.Equal(KeyLifeMetric.Format(RotationWorld.SecretArn, world.Current.ValidUntil, world.Clock.GetUtcNow()), Assert.Single(world.Metrics.Documents));
    }

    [Fact]
    public async Task HandleAsync_ReportReadFails_StepStillSucceedsAndSaysSo()
    {
        world.Faults.AlwaysFails = call => call == "GetSecretValue(AWSCURRENT)";

        var result = await world.InvokeAsync(RotationWorld.RotationEvent("setSecret", "44444444-4444-4444-4444-444444444444"));

        Assert.Null(result);
        Assert.Empty(world.Metrics.Documents);
        Assert.Contains(world.Log.Lines, line => line.StartsWith("Warning: Could not report the key's remaining life (InjectedFaultException)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_CheckCannotReadTheKey_FailsAndReportsNothing()
    {
        world.Faults.AlwaysFails = call => call == "GetSecretValue(AWSCURRENT)";

        await Assert.ThrowsAsync<InjectedFaultException>(() => world.InvokeAsync("""{"check": {}}"""));

        Assert.Empty(world.Metrics.Documents);
    }

    [Fact]
    public void ManualRotationResult_Serialized_UsesTheContractNames()
    {
        var json = JsonSerializer.Serialize(new ManualRotationResult("arn", "version", 1_767_225_600));

        Assert.Equal("""{"secretId":"arn","versionId":"version","validUntil":1767225600}""", json);
    }

    [Fact]
    public void RefresherResult_SerializedAsTheBaseType_WritesTheResultsOwnShapeOnly()
    {
        RefresherResult manual = new ManualRotationResult("arn", "version", 1_767_225_600);
        RefresherResult check = new KeyCheckResult("arn", "version", 1_767_225_600, 12.5, RotationEnabled: true, PendingVersionId: null);

        Assert.Equal("""{"secretId":"arn","versionId":"version","validUntil":1767225600}""", JsonSerializer.Serialize(manual));
        Assert.Equal(
            """{"secretId":"arn","versionId":"version","validUntil":1767225600,"hoursLeft":12.5,"rotationEnabled":true}""",
            JsonSerializer.Serialize(check));
    }
}
