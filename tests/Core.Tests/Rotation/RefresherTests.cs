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
        var result = await world.InvokeAsync(json);

        Assert.NotNull(result);
        Assert.Equal(RotationWorld.SecretArn, result.SecretId);
        Assert.Equal(world.Store.HolderOf(SecretStages.Current), result.VersionId);
        Assert.Equal(world.Momento.Issued[1].ValidUntil.ToUnixTimeSeconds(), result.ValidUntil);
        Assert.Equal(world.Momento.Issued[1], world.Current);
    }

    [Fact]
    public async Task HandleAsync_ManualEventTwice_RotatesTwiceWithDistinctVersions()
    {
        var first = await world.InvokeAsync("""{"secretId": "momento-key"}""");
        var second = await world.InvokeAsync("""{"secretId": "momento-key"}""");

        Assert.NotEqual(first!.VersionId, second!.VersionId);
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
    [InlineData("{}", "neither a rotation step nor a manual rotation")]
    [InlineData("""{"SecretId": "momento-key"}""", "neither a rotation step nor a manual rotation")]
    [InlineData("""{"secretId": ""}""", "neither a rotation step nor a manual rotation")]
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
        Assert.Empty(world.Faults.Calls);
    }

    [Fact]
    public void ManualRotationResult_Serialized_UsesTheContractNames()
    {
        var json = JsonSerializer.Serialize(new ManualRotationResult("arn", "version", 1_767_225_600));

        Assert.Equal("""{"secretId":"arn","versionId":"version","validUntil":1767225600}""", json);
    }
}
