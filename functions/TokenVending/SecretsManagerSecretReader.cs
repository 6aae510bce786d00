using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.TokenVending;

/// <summary>Reads the secret's <c>AWSCURRENT</c> version from AWS Secrets Manager.</summary>
internal sealed class SecretsManagerSecretReader : ISecretReader
{
    private const string CurrentStage = "AWSCURRENT";

    private readonly IAmazonSecretsManager client;

    public SecretsManagerSecretReader(IAmazonSecretsManager client) => this.client = client;

    public async Task<string> ReadSecretAsync(string secretId, CancellationToken cancellationToken)
    {
        // The stage is explicit: during a rotation AWSPENDING exists too, and only AWSCURRENT is the live key.
        var response = await client.GetSecretValueAsync(
            new GetSecretValueRequest { SecretId = secretId, VersionStage = CurrentStage },
            cancellationToken);
        return response.SecretString
            ?? throw new InvalidOperationException("The secret has no SecretString; it must hold the Momento key bundle as JSON text.");
    }
}
