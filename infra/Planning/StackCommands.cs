using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>The AWS CLI commands the stack exports for rotating the key by hand.</summary>
public static class StackCommands
{
    /// <summary>Starts a Secrets Manager rotation now (the service invokes the refresh function with the four steps).</summary>
    public static string RotateNow(string secretArn)
    {
        var region = RegionOf(secretArn);
        return $"aws secretsmanager rotate-secret --secret-id {secretArn} --region {region}";
    }

    /// <summary>Invokes the refresh function directly with the manual payload; it answers with the new version.</summary>
    public static string InvokeRefresher(string functionName, string secretArn) =>
        Invoke(functionName, secretArn, RefresherEventJson.Manual(secretArn), "refresh-result.json");

    /// <summary>Invokes the refresh function with the key check, as the daily schedule does; it answers with the key's state and changes nothing.</summary>
    public static string CheckKey(string functionName, string secretArn) =>
        Invoke(functionName, secretArn, RefresherEventJson.Check(), "check-result.json");

    // The payload is JSON without a single quote, so it goes inside '...' as it is.
    private static string Invoke(string functionName, string secretArn, string payload, string resultFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        var region = RegionOf(secretArn);
        return $"aws lambda invoke --function-name {functionName} --region {region} --cli-binary-format raw-in-base64-out --payload '{payload}' {resultFile}";
    }

    // arn:<partition>:secretsmanager:<region>:<account>:secret:<name>; the CLI's own default region may differ.
    private static string RegionOf(string secretArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        var parts = secretArn.Split(':');
        return parts.Length >= 7 && parts[0] == "arn" && parts[2] == "secretsmanager" && parts[3].Length > 0
            ? parts[3]
            : throw new ArgumentException("Expected a Secrets Manager secret ARN.", nameof(secretArn));
    }
}
