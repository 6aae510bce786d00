using System.Diagnostics;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>The Node reference (<c>node-reference/</c>): <c>node host.mjs</c> in its folder.</summary>
internal sealed class NodeReference(string folder) : IFunctionRuntime
{
    public string Name => "Node";

    /// <summary>Where the reference lives in the repository at <paramref name="repositoryRoot"/>.</summary>
    public static string FolderIn(string repositoryRoot) => Path.Combine(repositoryRoot, "tests", "ColdStart.Benchmarks", "node-reference");

    /// <summary>Installs the exact packages of its package-lock.json with <c>npm ci</c>; throws with npm's output when that fails.</summary>
    public async Task InstallAsync(IProcessRunner runner, CancellationToken cancellationToken)
    {
        // No package of the reference needs its install script: protobufjs's, the only one, just warns about how others pin it.
        var result = await runner.RunAsync("npm", ["ci", "--prefix", folder, "--ignore-scripts", "--no-audit", "--no-fund"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed ({result.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, result.Output)}");
        }
    }

    public ProcessStartInfo StartInfo() => new("node") { ArgumentList = { "host.mjs" }, WorkingDirectory = folder };
}
