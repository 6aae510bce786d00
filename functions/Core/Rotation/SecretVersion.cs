namespace MomentoTokenVending.Core.Rotation;

/// <summary>One version of the secret. <see cref="ToString"/> never shows the value.</summary>
public sealed class SecretVersion
{
    /// <summary>Creates a version.</summary>
    public SecretVersion(string versionId, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionId);
        ArgumentNullException.ThrowIfNull(value);
        VersionId = versionId;
        Value = value;
    }

    /// <summary>The version id (the rotation's ClientRequestToken for versions the refresher wrote).</summary>
    public string VersionId { get; }

    /// <summary>The secret string.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => $"SecretVersion {{ VersionId = {VersionId} }}";
}
