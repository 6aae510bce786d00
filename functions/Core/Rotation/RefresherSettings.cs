namespace MomentoTokenVending.Core.Rotation;

/// <summary>The refresh function's settings, read once per container.</summary>
/// <param name="SecretId">The ARN (or name) of the one secret this function rotates.</param>
public sealed record RefresherSettings(string SecretId)
{
    /// <summary>
    /// Reads the settings through <paramref name="getVariable"/> (the environment in Lambda), or throws
    /// an <see cref="InvalidOperationException"/> naming the variable at fault.
    /// </summary>
    public static RefresherSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var secretId = getVariable(FunctionEnvironment.SecretId);
        return string.IsNullOrWhiteSpace(secretId)
            ? throw new InvalidOperationException($"The environment variable {FunctionEnvironment.SecretId} is not set.")
            : new RefresherSettings(secretId.Trim());
    }

    /// <summary>
    /// Whether <paramref name="secretId"/> names the configured secret: the same text, or the secret's
    /// name where the other side is its full ARN (<c>arn:...:secret:NAME-XXXXXX</c>).
    /// </summary>
    public bool IsConfiguredSecret(string secretId)
    {
        ArgumentNullException.ThrowIfNull(secretId);
        return string.Equals(SecretId, secretId, StringComparison.Ordinal)
            || string.Equals(NameOf(SecretId), secretId, StringComparison.Ordinal)
            || string.Equals(SecretId, NameOf(secretId), StringComparison.Ordinal);
    }

    // A full secret ARN ends with ":secret:" + name + "-" + six random characters.
    private static string NameOf(string secretId)
    {
        const string Marker = ":secret:";
        const int SuffixLength = 7;
        var at = secretId.IndexOf(Marker, StringComparison.Ordinal);
        if (!secretId.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return secretId;
        }

        var resource = secretId[(at + Marker.Length)..];
        return resource.Length > SuffixLength && resource[^SuffixLength] == '-' ? resource[..^SuffixLength] : resource;
    }
}
