using System.Xml.Linq;

namespace MomentoTokenVending.Infra.Planning.Tests;

/// <summary>What ships in a Lambda bundle holds nothing that only runs at <c>pulumi up</c>: checked on the project graph.</summary>
public sealed class LayoutTests
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory);

    public static TheoryData<string> Functions => new()
    {
        "functions/TokenVending/MomentoTokenVending.TokenVending.csproj",
        "functions/TokenRefresh/MomentoTokenVending.TokenRefresh.csproj",
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionBundle_ReachesNoDeployTimeProject(string function)
    {
        var reached = ProjectClosure(Path.Combine(Root, function));

        Assert.Contains(reached, p => p.EndsWith("MomentoTokenVending.Core.csproj", StringComparison.Ordinal));
        Assert.DoesNotContain(reached, p => Relative(p).StartsWith("infra/", StringComparison.Ordinal));
        Assert.DoesNotContain(reached, p => Relative(p).StartsWith("tests/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void FunctionBundle_ReferencesNoPulumiPackage(string function)
    {
        var packages = ProjectClosure(Path.Combine(Root, function)).SelectMany(PackageReferences);

        Assert.DoesNotContain(packages, p => p.StartsWith("Pulumi", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_ReferencesNoOtherProject()
    {
        var core = Path.Combine(Root, "functions/Core/MomentoTokenVending.Core.csproj");

        Assert.Equal([core], ProjectClosure(core));
    }

    [Fact]
    public void DeployTimeTypes_LiveOutsideCore()
    {
        var coreAssembly = typeof(Core.Tokens.TokenBundle).Assembly;

        Assert.NotSame(coreAssembly, typeof(FunctionPublisher).Assembly);
        Assert.DoesNotContain(
            coreAssembly.GetReferencedAssemblies(),
            a => a.Name == typeof(FunctionPublisher).Assembly.GetName().Name);
        Assert.DoesNotContain(
            coreAssembly.GetTypes(),
            t => t.Name is nameof(FunctionPublisher) or nameof(ProcessRunner) or nameof(StackSettings) or nameof(TokenFile));
    }

    private static List<string> ProjectClosure(string project)
    {
        var seen = new List<string>();
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (seen.Contains(next))
            {
                continue;
            }

            seen.Add(next);
            foreach (var reference in Items(next, "ProjectReference"))
            {
                pending.Push(Path.GetFullPath(reference.Replace('\\', '/'), Path.GetDirectoryName(next)!));
            }
        }

        return seen;
    }

    private static IEnumerable<string> PackageReferences(string project) => Items(project, "PackageReference");

    private static IEnumerable<string> Items(string project, string item) =>
        XDocument.Load(project).Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
