namespace MomentoTokenVending.Infra.Planning;

/// <summary>Publishes function projects with <c>dotnet publish</c> into clean, fixed folders.</summary>
public sealed class FunctionPublisher
{
    private const string Dotnet = "dotnet";
    private readonly IProcessRunner _runner;

    /// <summary>Creates a publisher that runs <c>dotnet</c> through <paramref name="runner"/>.</summary>
    public FunctionPublisher(IProcessRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>
    /// Empties the project's output folder (a stale file would change the archive) and publishes into it.
    /// Throws <see cref="FunctionBuildException"/> carrying dotnet's error lines when publishing fails.
    /// </summary>
    public async Task<string> PublishAsync(FunctionProject project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (Directory.Exists(project.OutputDirectory))
        {
            Directory.Delete(project.OutputDirectory, recursive: true);
        }

        var result = await _runner.RunAsync(Dotnet, project.PublishArguments(), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new FunctionBuildException(project.Name, result.ExitCode, result.Output);
        }

        return project.OutputDirectory;
    }
}
