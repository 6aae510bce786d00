using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Functions.Tests;

/// <summary>Both functions published once, exactly as the stack publishes them, into folders of their own.</summary>
public sealed class PublishedBundles : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mtv-bundles-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> folders = new(StringComparer.Ordinal);

    /// <summary>The publish folder of the function named <paramref name="name"/> (<c>token-vending</c>, <c>token-refresh</c>).</summary>
    public string Folder(string name) => folders[name];

    public async Task InitializeAsync()
    {
        var repository = RepositoryRoot.Find(AppContext.BaseDirectory);
        var publisher = new FunctionPublisher(new ProcessRunner());
        foreach (var project in new[] { FunctionProject.Vending(repository), FunctionProject.Refresh(repository) })
        {
            // The stack's own artifacts folder is left alone: a deploy may be reading it.
            var own = project with { OutputDirectory = Path.Combine(root, project.Name) };
            folders[project.Name] = await publisher.PublishAsync(own, CancellationToken.None);
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
