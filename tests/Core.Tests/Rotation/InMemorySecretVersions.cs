using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>
/// One secret's versions with Secrets Manager's staging rules (not moto's): a label is on at most one
/// version, AWSPREVIOUS follows a promotion, a put with a known id is a no-op for the same value and an
/// error for another, and moving a label needs the version that holds it. Like RotateSecret, a rotation
/// begins with a version that carries AWSPENDING but has no value until createSecret writes one.
/// </summary>
internal sealed class InMemorySecretVersions : ISecretVersions
{
    private readonly Dictionary<string, (string? Value, HashSet<string> Stages)> versions = [];

    /// <summary>Every version ever written, labelled or not, in order.</summary>
    public IReadOnlyList<string> History => [.. versions.Keys];

    public string? ValueOf(string versionId) => versions[versionId].Value;

    public IReadOnlyCollection<string> StagesOf(string versionId) => versions[versionId].Stages;

    public string? HolderOf(string stage) => versions.FirstOrDefault(v => v.Value.Stages.Contains(stage)).Key;

    /// <summary>What DescribeSecret reports as RotationEnabled.</summary>
    public bool RotationEnabled { get; set; }

    public Task<SecretDescription> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new SecretDescription(
            RotationEnabled,
            versions.Where(v => v.Value.Stages.Count > 0)
                .ToDictionary(v => v.Key, v => (IReadOnlyCollection<string>)[.. v.Value.Stages])));

    public Task<SecretVersion?> GetByStageAsync(string stage, CancellationToken cancellationToken) =>
        Task.FromResult(HolderOf(stage) is { } id && versions[id].Value is { } value ? new SecretVersion(id, value) : null);

    public Task<SecretVersion?> GetByIdAsync(string versionId, CancellationToken cancellationToken) =>
        Task.FromResult(versions.TryGetValue(versionId, out var version) && version.Value is { } value ? new SecretVersion(versionId, value) : null);

    public Task PutAsync(string versionId, string value, IReadOnlyCollection<string> stages, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue(versionId, out var existing) && existing.Value is not null)
        {
            return string.Equals(existing.Value, value, StringComparison.Ordinal)
                ? Task.CompletedTask
                : throw new FakeSecretsException("ResourceExistsException: a version with this ClientRequestToken already exists with another value");
        }

        // A new version, or the value-less one RotateSecret began: it keeps the labels it carries.
        versions[versionId] = (value, existing.Stages ?? []);
        foreach (var stage in stages.Count == 0 ? [SecretStages.Current] : stages)
        {
            Attach(stage, versionId);
        }

        return Task.CompletedTask;
    }

    public Task MoveStageAsync(string stage, string toVersionId, string? fromVersionId, CancellationToken cancellationToken)
    {
        if (!versions.ContainsKey(toVersionId))
        {
            throw new FakeSecretsException("ResourceNotFoundException: no such version");
        }

        var holder = HolderOf(stage);
        if (holder is not null && holder != toVersionId && holder != fromVersionId)
        {
            throw new FakeSecretsException("InvalidParameterException: the label is attached to another version than RemoveFromVersionId");
        }

        if (fromVersionId is not null && holder != fromVersionId)
        {
            throw new FakeSecretsException("InvalidParameterException: RemoveFromVersionId does not carry the label");
        }

        Attach(stage, toVersionId);
        return Task.CompletedTask;
    }

    /// <summary>What RotateSecret does before it invokes createSecret: a version with AWSPENDING and no value.</summary>
    public void BeginRotation(string versionId)
    {
        if (versions.ContainsKey(versionId))
        {
            return;
        }

        var pending = HolderOf(SecretStages.Pending);
        if (pending is not null && pending != HolderOf(SecretStages.Current))
        {
            throw new FakeSecretsException("InvalidRequestException: a previous rotation isn't complete");
        }

        versions[versionId] = (null, []);
        Attach(SecretStages.Pending, versionId);
    }

    /// <summary>Writes the first version, as the stack's seeding does.</summary>
    public void Seed(string versionId, string value) => versions[versionId] = (value, [SecretStages.Current]);

    private void Attach(string stage, string versionId)
    {
        var holder = HolderOf(stage);
        if (holder == versionId)
        {
            return;
        }

        if (holder is not null)
        {
            versions[holder].Stages.Remove(stage);
            if (stage == SecretStages.Current)
            {
                Attach(SecretStages.Previous, holder);
            }
        }

        versions[versionId].Stages.Add(stage);
    }
}

internal sealed class FakeSecretsException(string message) : Exception(message);
