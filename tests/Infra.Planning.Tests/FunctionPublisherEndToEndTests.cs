using System.Security.Cryptography;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

/// <summary>Runs the real <c>dotnet publish</c> on tiny projects laid out like the repository's vending function.</summary>
public sealed class FunctionPublisherEndToEndTests : IDisposable
{
    private const string Handler = "namespace Fn; public static class Handler { public static string Handle(string s) => s; }";

    private readonly FixtureRepository _repository = new();
    private readonly FunctionPublisher _publisher = new(new ProcessRunner());

    public void Dispose() => _repository.Dispose();

    // The SDK stamps the git commit into the assembly and PDB unless told not to; a new commit must not
    // change the bundle, or every commit would redeploy both functions.
    [Fact]
    public async Task PublishAsync_SameSourcesAtAnotherCommit_GivesByteIdenticalFiles()
    {
        var project = _repository.WriteVending(Handler);
        await GitAsync("init", "-q");
        await CommitAsync("first");

        var first = Hashes(await _publisher.PublishAsync(project, CancellationToken.None));
        _repository.Write("NOTES.txt", "an unrelated change");
        await CommitAsync("second");
        File.SetLastWriteTimeUtc(Path.Combine(project.ProjectPath, "../Handler.cs"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var second = Hashes(await _publisher.PublishAsync(project, CancellationToken.None));

        Assert.Contains("MomentoTokenVending.TokenVending.dll", first.Keys);
        Assert.Contains("MomentoTokenVending.TokenVending.runtimeconfig.json", first.Keys);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task PublishAsync_CompileError_ThrowsWithTheCompilersMessage()
    {
        var project = _repository.WriteVending("namespace Fn; public static class Handler { public static string Handle() => missing; }");

        var error = await Assert.ThrowsAsync<FunctionBuildException>(() => _publisher.PublishAsync(project, CancellationToken.None));

        Assert.Contains("error CS0103", error.Message, StringComparison.Ordinal);
        Assert.Contains("Handler.cs", error.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(
                file => Path.GetRelativePath(folder, file),
                file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))),
                StringComparer.Ordinal);

    private async Task CommitAsync(string message)
    {
        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    private async Task GitAsync(params string[] arguments)
    {
        var result = await new ProcessRunner().RunAsync("git", ["-C", _repository.Root, .. arguments], CancellationToken.None);
        Assert.True(result.ExitCode == 0, string.Join(Environment.NewLine, result.Output));
    }
}
