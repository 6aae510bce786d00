using System.Text.Json;

namespace MomentoTokenVending.Core.Stack;

/// <summary>The AWS CLI commands the stack exports for rotating the key by hand.</summary>
public static class StackCommands
{
    /// <summary>Starts a Secrets Manager rotation now (the service invokes the refresh function with the four steps).</summary>
    public static string RotateNow(string secretArn, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        ArgumentException.ThrowIfNullOrEmpty(region);
        return $"aws secretsmanager rotate-secret --secret-id {secretArn} --region {region}";
    }

    /// <summary>Invokes the refresh function directly with the manual payload; it answers with the new version.</summary>
    public static string InvokeRefresher(string functionName, string secretArn, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        ArgumentException.ThrowIfNullOrEmpty(region);
        var payload = JsonSerializer.Serialize(new ManualRefreshPayload(secretArn), StackCommandJsonContext.Default.ManualRefreshPayload);
        return $"aws lambda invoke --function-name {functionName} --region {region} --cli-binary-format raw-in-base64-out --payload '{payload}' refresh-result.json";
    }
}
