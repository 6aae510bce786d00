using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using MomentoTokenVending.Core;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>The secret as the stack's first deploy leaves it.</summary>
internal static class DeployedSecret
{
    /// <summary>
    /// Creates a secret the way the first deploy does — a secret without a value, then <paramref name="value"/> as a
    /// version labelled AWSCURRENT and SEEDED — under a name of its own; returns its ARN and the seeded version.
    /// </summary>
    public static async Task<(string Arn, string VersionId)> SeedAsync(IAmazonSecretsManager client, string value)
    {
        var secret = await client.CreateSecretAsync(new CreateSecretRequest { Name = $"momento-token-vending-test-{Guid.NewGuid():N}" });
        var seed = await client.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = secret.ARN,
            SecretString = value,
            VersionStages = [SecretStages.Current, SecretStages.Seeded],
        });
        return (secret.ARN, seed.VersionId);
    }
}
