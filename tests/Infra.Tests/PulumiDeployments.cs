namespace MomentoTokenVending.Infra.Tests;

/// <summary>Pulumi's test deployment is process-wide: every test that runs one belongs here and runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PulumiDeployments
{
    public const string Name = "Pulumi";
}
