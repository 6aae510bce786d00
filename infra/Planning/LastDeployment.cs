namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// What this stack's own last deployment recorded in its outputs, read back through a stack reference to
/// itself. Values arrive untyped, as Pulumi hands them over; <see cref="SecretSeedPlan"/> judges them.
/// </summary>
/// <param name="SecretArn">The <see cref="StackOutputNames.SecretArn"/> output, or <see langword="null"/> when absent.</param>
/// <param name="RotationEnabled">The <see cref="StackOutputNames.RotationEnabled"/> output, or <see langword="null"/> when absent.</param>
/// <param name="SeedRecorded">Whether the <see cref="StackOutputNames.SeedSecretString"/> output exists as a secret string.</param>
public sealed record LastDeployment(object? SecretArn, object? RotationEnabled, bool SeedRecorded)
{
    /// <summary>A stack that has never been deployed: it has no outputs.</summary>
    public static LastDeployment None { get; } = new(SecretArn: null, RotationEnabled: null, SeedRecorded: false);

    /// <summary>Whether the stack has no trace of a deployment.</summary>
    public bool IsEmpty => SecretArn is null && RotationEnabled is null && !SeedRecorded;
}
