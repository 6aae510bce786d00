using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra;

/// <summary>
/// Reads this stack's own outputs from its last deployment through a stack reference to itself. The backend
/// answers from the stack's last checkpoint, not from AWS, so no run needs a permission on the secret to
/// know whether it was seeded.
/// </summary>
internal sealed class LastDeploymentReader
{
    private readonly StackReference _self;

    private LastDeploymentReader(StackReference self) => _self = self;

    /// <summary>Declares the reference to the running stack (<c>organization/project/stack</c>).</summary>
    public static LastDeploymentReader ForThisStack()
    {
        var deployment = Deployment.Instance;
        var name = $"{deployment.OrganizationName}/{deployment.ProjectName}/{deployment.StackName}";
        return new LastDeploymentReader(new StackReference($"{StackProgram.ComponentName}-last-deployment", new StackReferenceArgs { Name = name }));
    }

    /// <summary>The outputs <see cref="SecretSeedPlan"/> judges; the seed value itself is only checked for presence.</summary>
    public async Task<LastDeployment> ReadAsync()
    {
        var secretArn = await _self.GetOutputDetailsAsync(StackOutputNames.SecretArn).ConfigureAwait(false);
        var rotationEnabled = await _self.GetOutputDetailsAsync(StackOutputNames.RotationEnabled).ConfigureAwait(false);
        var seed = await _self.GetOutputDetailsAsync(StackOutputNames.SeedSecretString).ConfigureAwait(false);
        return new LastDeployment(secretArn.Value, rotationEnabled.Value, SeedRecorded: seed.SecretValue is string);
    }

    /// <summary>The last deployment's seed value, still a Pulumi secret: it is never unwrapped in the program.</summary>
    public Output<string> LastSeed() =>
        _self.RequireOutput(StackOutputNames.SeedSecretString).Apply(value => (string)value);
}
