namespace MomentoTokenVending.Core.Rotation;

/// <summary>What <c>DescribeSecret</c> tells the refresher about the secret; never its value.</summary>
/// <param name="RotationEnabled">Whether Secrets Manager rotates the secret on a schedule.</param>
/// <param name="VersionStages">Every version that carries a staging label, with its labels.</param>
public sealed record SecretDescription(bool RotationEnabled, IReadOnlyDictionary<string, IReadOnlyCollection<string>> VersionStages)
{
    /// <summary>
    /// The version holding AWSPENDING when it is neither <paramref name="currentVersionId"/> nor
    /// <paramref name="ownVersionId"/> (the rotation asking); <see langword="null"/> when no other version does.
    /// A finished rotation leaves AWSPENDING on the version it made current, so only another version means
    /// a rotation is running or stopped half-way.
    /// </summary>
    public string? PendingVersionExcept(string currentVersionId, string? ownVersionId = null) =>
        VersionStages
            .Where(entry => entry.Value.Contains(SecretStages.Pending) && entry.Key != currentVersionId && entry.Key != ownVersionId)
            .Select(entry => entry.Key)
            .FirstOrDefault();
}
