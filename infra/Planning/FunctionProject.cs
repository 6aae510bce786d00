namespace MomentoTokenVending.Infra.Planning;

/// <summary>A function project and the fixed folder it is published to.</summary>
/// <param name="Name">Short name: <c>token-vending</c> or <c>token-refresh</c>.</param>
/// <param name="ProjectPath">Absolute path of the <c>.csproj</c>.</param>
/// <param name="OutputDirectory">Absolute path of the publish folder, deployed as the Lambda archive.</param>
public sealed record FunctionProject(string Name, string ProjectPath, string OutputDirectory)
{
    /// <summary>Where, under the repository root, publish output goes (ignored by git).</summary>
    public const string ArtifactsFolder = "artifacts/lambda";

    /// <summary>The vending function of the repository at <paramref name="repositoryRoot"/>.</summary>
    public static FunctionProject Vending(string repositoryRoot) =>
        In(repositoryRoot, "token-vending", "functions/TokenVending/MomentoTokenVending.TokenVending.csproj");

    /// <summary>The refresh function of the repository at <paramref name="repositoryRoot"/>.</summary>
    public static FunctionProject Refresh(string repositoryRoot) =>
        In(repositoryRoot, "token-refresh", "functions/TokenRefresh/MomentoTokenVending.TokenRefresh.csproj");

    /// <summary>
    /// Arguments of <c>dotnet</c> that publish the project for the <c>dotnet10</c> managed runtime on arm64,
    /// framework-dependent and reproducibly: the same sources give byte-identical files on any machine and
    /// at any commit, so Pulumi sees the same archive hash and proposes no update.
    /// </summary>
    public IReadOnlyList<string> PublishArguments() =>
    [
        "publish",
        ProjectPath,
        "--configuration", "Release",
        "--runtime", "linux-arm64",
        "--self-contained", "false",
        "--output", OutputDirectory,
        "--nologo",
        "-p:Deterministic=true",
        // Maps source paths to /_/ in the PDBs, so the checkout folder does not matter.
        "-p:ContinuousIntegrationBuild=true",
        // Both would stamp the git commit into the assembly and PDB, changing them at every commit.
        "-p:IncludeSourceRevisionInInformationalVersion=false",
        "-p:EnableSourceLink=false",
    ];

    private static FunctionProject In(string repositoryRoot, string name, string relativeProject)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        return new FunctionProject(
            name,
            Path.GetFullPath(relativeProject, repositoryRoot),
            Path.GetFullPath(Path.Combine(ArtifactsFolder, name), repositoryRoot));
    }
}
