namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// The versions and staging labels of the one secret the refresher owns, with Secrets Manager's
/// semantics: a staging label is on at most one version, and putting or moving a label takes it
/// off the version that held it.
/// </summary>
public interface ISecretVersions
{
    /// <summary>Whether the secret rotates on a schedule, and every version that carries a staging label, with its labels.</summary>
    Task<SecretDescription> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>The version carrying <paramref name="stage"/>, or <see langword="null"/> when none does.</summary>
    Task<SecretVersion?> GetByStageAsync(string stage, CancellationToken cancellationToken);

    /// <summary>The version <paramref name="versionId"/>, or <see langword="null"/> when it has no value.</summary>
    Task<SecretVersion?> GetByIdAsync(string versionId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="value"/> as version <paramref name="versionId"/> with <paramref name="stages"/>.
    /// Repeating the same id with the same value succeeds and changes nothing; the same id with another value fails.
    /// </summary>
    Task PutAsync(string versionId, string value, IReadOnlyCollection<string> stages, CancellationToken cancellationToken);

    /// <summary>
    /// Moves <paramref name="stage"/> to <paramref name="toVersionId"/> from <paramref name="fromVersionId"/>
    /// (the version holding it now, or <see langword="null"/> when none does).
    /// </summary>
    Task MoveStageAsync(string stage, string toVersionId, string? fromVersionId, CancellationToken cancellationToken);
}
