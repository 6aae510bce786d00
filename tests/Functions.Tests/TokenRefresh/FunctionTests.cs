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
    public async Task HandleAsync_UnacceptedEvent_WritesNoMetric()
    {
        using var output = new StringWriter();

        await Assert.ThrowsAsync<RotationException>(() => InvokeAsync("""{"check": 1}""", Context(), output));

        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Serializer_ManualRotationResult_WritesTheContractNames()
    {
        Assert.Equal(
            $$"""{"secretId":"{{SecretArn}}","versionId":"v","validUntil":1767225600}""",
            Serialize(new ManualRotationResult(SecretArn, "v", 1_767_225_600)));
    }

    [Fact]
    public void Serializer_KeyCheckResultAsTheHandlersResult_WritesTheContractNames()
    {
        Assert.Equal(
            $$"""{"secretId":"{{SecretArn}}","versionId":"v","validUntil":1767225600,"hoursLeft":-2.5,"rotationEnabled":false,"pendingVersionId":"p"}""",
            Serialize(new KeyCheckResult(SecretArn, "v", 1_767_225_600, -2.5, RotationEnabled: false, PendingVersionId: "p")));
    }

    [Fact]
    public async Task LogMetricSink_Document_IsOneWriteOfTheDocumentAndANewline()
    {
        var output = new RecordingWriter();

        await new LogMetricSink(output).PublishAsync("""{"_aws":{}}""", CancellationToken.None);

        Assert.Equal(["Write: {\"_aws\":{}}\n"], output.Calls);
    }

    internal static TestLambdaContext Context() =>
        new() { Logger = new TestLambdaLogger(), RemainingTime = TimeSpan.FromMinutes(1), FunctionName = "momento-refresher" };

    /// <summary>Deserializes the payload the way the Lambda runtime does, then calls the handler.</summary>
    internal static async Task<RefresherResult?> InvokeAsync(Function function, string json, TestLambdaContext context)
    {
        var serializer = new SourceGeneratorLambdaJsonSerializer<RefreshJsonContext>();
        using var payload = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await function.HandleAsync(serializer.Deserialize<JsonElement>(payload), context);
    }

    // Serializes a result as the runtime does: as the handler's declared result type.
    private static string Serialize(RefresherResult result)
    {
        var serializer = new SourceGeneratorLambdaJsonSerializer<RefreshJsonContext>();
        using var output = new MemoryStream();
        serializer.Serialize(result, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private Task<RefresherResult?> InvokeAsync(string json, TestLambdaContext context, TextWriter? output = null) =>
        InvokeAsync(new Function(new RefresherSettings(SecretArn), secretsManager.Object, momento, TimeProvider.System, output ?? TextWriter.Null), json, context);

    /// <summary>Names each write it receives, so a test can see that a document went out as one <c>Write</c>.</summary>
    private sealed class RecordingWriter : TextWriter
    {
        public List<string> Calls { get; } = [];

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Calls.Add($"Write(char): {value}");

        public override void Write(string? value) => Calls.Add($"Write: {value}");

        public override void WriteLine(string? value) => Calls.Add($"WriteLine: {value}");
    }
}
