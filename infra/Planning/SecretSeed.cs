using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>Where this run takes the seed version of the secret from, and whether the secret rotates.</summary>
public abstract record SecretSeed
{
    private protected SecretSeed()
    {
    }

    /// <summary>Whether the secret gets a rotation schedule, and the warnings to show about it.</summary>
    public abstract RotationPlan Rotation { get; }
}

/// <summary>The run that creates the secret: the token file supplies the seed value and decides rotation.</summary>
/// <param name="Bundle">The token file's content, validated.</param>
/// <param name="Rotation">The rotation plan decided from <paramref name="Bundle"/>.</param>
public sealed record SeedFromTokenFile(TokenBundle Bundle, RotationPlan Rotation) : SecretSeed
{
    /// <inheritdoc/>
    public override RotationPlan Rotation { get; } = Rotation;
}

/// <summary>
/// A later run: the secret and its seed version exist, so the seed value comes from the stack's own last
/// outputs and rotation stays as the first deploy decided. No token file is read.
/// </summary>
/// <param name="SecretArn">The deployed secret's ARN, as the last deployment recorded it.</param>
/// <param name="RotationEnabled">Whether the last deployment set up rotation.</param>
public sealed record SeedFromLastDeployment(string SecretArn, bool RotationEnabled) : SecretSeed
{
    /// <inheritdoc/>
    public override RotationPlan Rotation { get; } = new(RotationEnabled, []);
}
