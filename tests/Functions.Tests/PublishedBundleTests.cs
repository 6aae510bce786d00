using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace MomentoTokenVending.Functions.Tests;

/// <summary>
/// The published bundles carry exactly what their code loads: no native library, no XML docs, no assembly that
/// nothing references, and nothing missing that a shipped assembly references.
/// </summary>
[Collection(RepositoryPublishes.Name)]
public sealed class PublishedBundleTests : IClassFixture<PublishedBundles>
{
    private readonly PublishedBundles bundles;

    public PublishedBundleTests(PublishedBundles bundles) => this.bundles = bundles;

    public static TheoryData<string, string> Functions => new()
    {
        { "token-vending", "MomentoTokenVending.TokenVending" },
        { "token-refresh", "MomentoTokenVending.TokenRefresh" },
    };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Bundle_Files_AreAssembliesTheirPdbsAndTheRuntimeFilesOnly(string name, string function)
    {
        var files = Directory.GetFiles(bundles.Folder(name), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bundles.Folder(name), f))
            .ToList();

        Assert.All(files, f => Assert.True(
            f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal)
            || f == $"{function}.deps.json" || f == $"{function}.runtimeconfig.json",
            $"unexpected file in the bundle: {f}"));
        Assert.Contains($"{function}.pdb", files);
        Assert.Contains("MomentoTokenVending.Core.pdb", files);
    }

    // The SDK ships every runtime asset a package lists; these assemblies are there only if some shipped
    // assembly references them, so nothing dead is uploaded and unpacked at every cold start.
    [Theory]
    [MemberData(nameof(Functions))]
    public void Bundle_EveryShippedAssembly_IsReachableFromTheFunction(string name, string function)
    {
        var shipped = Assemblies(bundles.Folder(name));
        var reachable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([function]);
        while (pending.TryPop(out var assembly))
        {
            if (shipped.TryGetValue(assembly, out var path) && reachable.Add(assembly))
            {
                foreach (var reference in References(path))
                {
                    pending.Push(reference.Name!);
                }
            }
        }

        Assert.DoesNotContain(shipped.Keys, a => !reachable.Contains(a));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Bundle_EveryReference_ResolvesInTheBundleOrTheFramework(string name, string function)
    {
        var shipped = Assemblies(bundles.Folder(name));
        var framework = Assemblies(RuntimeEnvironment.GetRuntimeDirectory());

        var unresolved = shipped.Values
            .SelectMany(path => References(path).Select(reference => (From: Path.GetFileName(path), Reference: reference)))
            .Where(r => !Resolves(r.Reference, shipped) && !Resolves(r.Reference, framework))
            .Select(r => $"{r.From} -> {r.Reference.Name} {r.Reference.Version}")
            .ToList();

        Assert.Empty(unresolved);
        var runtimeConfig = File.ReadAllText(Path.Combine(bundles.Folder(name), $"{function}.runtimeconfig.json"));
        Assert.Contains("\"Microsoft.NETCore.App\"", runtimeConfig, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.App", runtimeConfig, StringComparison.Ordinal);
    }

    // The host refuses to start when deps.json names a file the folder lacks.
    [Theory]
    [MemberData(nameof(Functions))]
    public void DepsJson_NamesExactlyTheShippedAssemblies(string name, string function)
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundles.Folder(name), $"{function}.deps.json")));
        var target = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var listed = deps.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject()
            .SelectMany(library => AssetNames(library.Value, "runtime").Concat(AssetNames(library.Value, "native")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Assemblies(bundles.Folder(name)).Values.Select(Path.GetFileName).Order(StringComparer.Ordinal), listed);
    }

    private static IEnumerable<string> AssetNames(JsonElement library, string kind) =>
        library.TryGetProperty(kind, out var assets) ? assets.EnumerateObject().Select(a => a.Name) : [];

    private static Dictionary<string, string> Assemblies(string folder) =>
        Directory.GetFiles(folder, "*.dll")
            .Where(IsManaged)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase);

    private static bool IsManaged(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.HasMetadata;
    }

    private static List<AssemblyName> References(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }

    private static bool Resolves(AssemblyName reference, Dictionary<string, string> candidates)
    {
        if (!candidates.TryGetValue(reference.Name!, out var path))
        {
            return false;
        }

        using var pe = new PEReader(File.OpenRead(path));
        var definition = pe.GetMetadataReader().GetAssemblyDefinition();
        return definition.Version >= (reference.Version ?? new Version(0, 0));
    }
}
