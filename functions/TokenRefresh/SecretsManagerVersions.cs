using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.TokenRefresh;

/// <summary>The configured secret's versions and staging labels, over AWS Secrets Manager.</summary>
internal sealed class SecretsManagerVersions(IAmazonSecretsManager client, string secretId) : ISecretVersions
{
    public async Task<SecretDescription> DescribeAsync(CancellationToken cancellationToken)
    {
        var response = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = secretId }, cancellationToken);
        var versions = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);

        // SDK v4 leaves empty collections null.
        if (response.VersionIdsToStages is { } versionIdsToStages)
        {
            foreach (var (versionId, stages) in versionIdsToStages)
            {
                versions[versionId] = stages is null ? [] : [.. stages];
            }
        }

        // Null for a secret that was never configured for rotation.
        return new SecretDescription(response.RotationEnabled ?? false, versions);
    }

    public Task<SecretVersion?> GetByStageAsync(string stage, CancellationToken cancellationToken) =>
        GetAsync(new GetSecretValueRequest { SecretId = secretId, VersionStage = stage }, cancellationToken);

    public Task<SecretVersion?> GetByIdAsync(string versionId, CancellationToken cancellationToken) =>
        GetAsync(new GetSecretValueRequest { SecretId = secretId, VersionId = versionId }, cancellationToken);

    public async Task PutAsync(string versionId, string value, IReadOnlyCollection<string> stages, CancellationToken cancellationToken) =>
        await client.PutSecretValueAsync(
            new PutSecretValueRequest
            {
                SecretId = secretId,
                ClientRequestToken = versionId,
                SecretString = value,
                VersionStages = [.. stages],
            },
            cancellationToken);

    public async Task MoveStageAsync(string stage, string toVersionId, string? fromVersionId, CancellationToken cancellationToken) =>
        await client.UpdateSecretVersionStageAsync(
            new UpdateSecretVersionStageRequest
            {
                SecretId = secretId,
                VersionStage = stage,
                MoveToVersionId = toVersionId,
                RemoveFromVersionId = fromVersionId,
            },
            cancellationToken);

    private async Task<SecretVersion?> GetAsync(GetSecretValueRequest request, CancellationToken cancellationToken)
    {
        GetSecretValueResponse response;
        try
        {
            response = await client.GetSecretValueAsync(request, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // Secrets Manager's answer for a version id or staging label that holds no value.
            return null;
        }

        return response.SecretString is { } value
            ? new SecretVersion(response.VersionId, value)
            : throw new RotationException($"Version {response.VersionId} of the secret is binary; it must hold the Momento key bundle as JSON text.");
    }
}
