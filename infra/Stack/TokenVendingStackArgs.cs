using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra;

/// <summary>What <see cref="TokenVendingStack"/> needs: validated settings, the seed plan and value, and the published function code.</summary>
/// <param name="Settings">Every configuration value, validated.</param>
/// <param name="Seed">Where the seed value comes from this run, and whether the secret rotates.</param>
/// <param name="SeedSecretString">The seed version's value, as a Pulumi secret: the token file's content at the first deploy, the last deployment's afterwards.</param>
/// <param name="Warnings">Messages for <c>pulumi preview</c> (rotation, Momento preflight); never contain key or token text.</param>
/// <param name="VendingCode">The published vending function.</param>
/// <param name="RefreshCode">The published refresh function.</param>
internal sealed record TokenVendingStackArgs(
    StackSettings Settings,
    SecretSeed Seed,
    Output<string> SeedSecretString,
    IReadOnlyList<string> Warnings,
    Archive VendingCode,
    Archive RefreshCode);
