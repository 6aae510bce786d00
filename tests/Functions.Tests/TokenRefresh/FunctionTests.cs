using System.Text;
using System.Text.Json;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Lambda.TestUtilities;
using Amazon.SecretsManager;
using Moq;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.TokenRefresh;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

public sealed class FunctionTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf";

    private readonly Mock<IAmazonSecretsManager> secretsManager = new(MockBehavior.Strict);
    private readonly SequenceMomento momento = new(TimeProvider.System);

    [Theory]
    [InlineData("""{"secretId": "someone-elses-key"}""")]
    [InlineData("""{"Step": "createSecret", "SecretId": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:other-AbCdEf", "ClientRequestToken": "t"}""")]
    public async Task HandleAsync_OtherSecret_RefusesWithoutCallingSecretsManager(string json)
    {
        var context = Context();

        var error = await Assert.ThrowsAsync<RotationException>(() => InvokeAsync(json, context));

        Assert.Contains(FunctionEnvironment.SecretId, error.Message, StringComparison.Ordinal);
        secretsManager.VerifyNoOtherCalls();
        Assert.Contains("Refused", ((TestLambdaLogger)context.Logger).Buffer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_UnacceptedEvent_ThrowsNamingTheAcceptedShapes()
    {
        var error = await Assert.ThrowsAsync<RotationException>(() => InvokeAsync("""{"hello": "world"}""", Context()));

        Assert.Contains("momento_auth_token_secret_name", error.Message, StringComparison.Ordinal);
        secretsManager.VerifyNoOtherCalls();
    }

    [Fact]
    public void Serializer_ManualRotationResult_WritesTheContractNames()
    {
        var serializer = new SourceGeneratorLambdaJsonSerializer<RefreshJsonContext>();
        using var output = new MemoryStream();

        serializer.Serialize(new ManualRotationResult(SecretArn, "v", 1_767_225_600), output);

        Assert.Equal(
            $$"""{"secretId":"{{SecretArn}}","versionId":"v","validUntil":1767225600}""",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    internal static TestLambdaContext Context() =>
        new() { Logger = new TestLambdaLogger(), RemainingTime = TimeSpan.FromMinutes(1), FunctionName = "momento-refresher" };

    /// <summary>Deserializes the payload the way the Lambda runtime does, then calls the handler.</summary>
    internal static async Task<ManualRotationResult?> InvokeAsync(Function function, string json, TestLambdaContext context)
    {
        var serializer = new SourceGeneratorLambdaJsonSerializer<RefreshJsonContext>();
        using var payload = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await function.HandleAsync(serializer.Deserialize<JsonElement>(payload), context);
    }

    private Task<ManualRotationResult?> InvokeAsync(string json, TestLambdaContext context) =>
        InvokeAsync(new Function(new RefresherSettings(SecretArn), secretsManager.Object, momento, TimeProvider.System), json, context);
}
