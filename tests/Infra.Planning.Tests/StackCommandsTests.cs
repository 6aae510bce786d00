using System.Text.Json;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class StackCommandsTests
{
    private const string SecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf";

    [Fact]
    public void RotateNow_Secret_RotatesItInItsRegion()
    {
        Assert.Equal(
            $"aws secretsmanager rotate-secret --secret-id {SecretArn} --region eu-west-1",
            StackCommands.RotateNow(SecretArn));
    }

    [Fact]
    public void InvokeRefresher_Function_SendsTheManualPayload()
    {
        var command = StackCommands.InvokeRefresher("token-refresh-1a2b3c", SecretArn);

        Assert.Equal(
            "aws lambda invoke --function-name token-refresh-1a2b3c --region eu-west-1 --cli-binary-format raw-in-base64-out "
            + $"--payload '{{\"secretId\":\"{SecretArn}\"}}' refresh-result.json",
            command);
        var payload = command.Split('\'')[1];
        using var json = JsonDocument.Parse(payload);
        Assert.Equal(SecretArn, json.RootElement.GetProperty("secretId").GetString());
    }

    [Fact]
    public void CheckKey_Function_SendsTheCheckEvent()
    {
        var command = StackCommands.CheckKey("token-refresh-1a2b3c", SecretArn);

        Assert.Equal(
            "aws lambda invoke --function-name token-refresh-1a2b3c --region eu-west-1 --cli-binary-format raw-in-base64-out "
            + "--payload '{\"check\":{}}' check-result.json",
            command);
    }

    [Theory]
    [InlineData("momento-key")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:f")]
    [InlineData("arn:aws:secretsmanager::123456789012:secret:x")]
    public void RotateNow_NotASecretArn_Throws(string secretArn)
    {
        Assert.Throws<ArgumentException>(() => StackCommands.RotateNow(secretArn));
    }
}
