using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra;

/// <summary>What <see cref="TokenVendingStack"/> needs: validated settings, the seed value and the published function code.</summary>
/// <param name="Settings">Every configuration value, validated.</param>
/// <param name="SeedSecretString">The token file's content in canonical form, as a Pulumi secret.</param>
/// <param name="Rotation">Whether the secret gets a rotation schedule, and the warnings to show about it.</param>
/// <param name="VendingCode">The published vending function.</param>
/// <param name="RefreshCode">The published refresh function.</param>
internal sealed record TokenVendingStackArgs(
    StackSettings Settings,
    Output<string> SeedSecretString,
    RotationPlan Rotation,
    Archive VendingCode,
    Archive RefreshCode);
