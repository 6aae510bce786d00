namespace MomentoTokenVending.Functions.Tests;

/// <summary>
/// The test classes that <c>dotnet publish</c> the repository's own function projects. They run one after another:
/// publishes for two runtime identifiers restore the same <c>obj/project.assets.json</c>, and run side by side one
/// of them fails with NETSDK1047 (the assets file has no target for its runtime).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RepositoryPublishes
{
    public const string Name = "publishes the repository's function projects";
}
