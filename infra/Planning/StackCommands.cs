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
    public static string InvokeRefresher(string functionName, string secretArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        var region = RegionOf(secretArn);
        var payload = RefresherEventJson.Manual(secretArn);
        return $"aws lambda invoke --function-name {functionName} --region {region} --cli-binary-format raw-in-base64-out --payload '{payload}' refresh-result.json";
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
