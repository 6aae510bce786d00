using System.Text.Json;

namespace MomentoTokenVending.Infra.Planning.Tests;

/// <summary>What the repository's publish settings leave out of a bundle, and that any copy of the source gives the same one.</summary>
public sealed class LeanBundleTests : IClassFixture<LeanBundleCopiesFixture>
{
    private readonly LeanBundleCopiesFixture _copies;

    public LeanBundleTests(LeanBundleCopiesFixture copies) => _copies = copies;

    // Without git the SDK finds no source root, so the checkout folder ended up in the assemblies and PDBs and every
    // preview from a source archive showed a code update.
    [Fact]
    public void PublishAsync_TwoCopiesWithoutGitInDifferentFolders_GiveByteIdenticalFiles()
    {
        Assert.False(Directory.Exists(Path.Combine(_copies.First.Root, ".git")));
        Assert.NotEqual(_copies.First.Root.Length, _copies.Second.Root.Length);

        var first = FunctionPublisherEndToEndTests.Hashes(_copies.FirstOutput);
        var second = FunctionPublisherEndToEndTests.Hashes(_copies.SecondOutput);

        Assert.Contains("MomentoTokenVending.TokenVending.pdb", first.Keys);
        Assert.Contains("MomentoTokenVending.Core.pdb", first.Keys);
        Assert.Equal(first, second);
    }

    [Fact]
    public void PublishAsync_DependencyWithNativeLibrariesAndDocs_ShipsNeitherButKeepsThePdbs()
    {
        var files = Directory.EnumerateFiles(_copies.FirstOutput, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_copies.FirstOutput, f))
            .ToList();

        Assert.DoesNotContain(files, f => f.Contains("grpc_csharp_ext", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Grpc.Core.dll", files);
        Assert.Contains("Grpc.Net.Client.dll", files);
        Assert.Contains("MomentoTokenVending.TokenVending.pdb", files);
        Assert.Contains("MomentoTokenVending.Core.pdb", files);
        // The runtime would refuse to start on a deps.json that names a file the bundle lacks.
        var deps = File.ReadAllText(Path.Combine(_copies.FirstOutput, "MomentoTokenVending.TokenVending.deps.json"));
        Assert.DoesNotContain("grpc_csharp_ext", deps, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Grpc.Core.dll", deps, StringComparison.Ordinal);
    }

    // Guards the test above: the fixture really depends on a package that carries both.
    [Fact]
    public void Restore_Fixture_ResolvesGrpcCoreWithItsNativeLibraryAndDocs()
    {
        var assets = Path.Combine(_copies.First.Root, FixtureRepository.VendingFolder, "obj/project.assets.json");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));

        var packageFiles = document.RootElement.GetProperty("libraries").GetProperty("Grpc.Core/2.46.5").GetProperty("files")
            .EnumerateArray().Select(f => f.GetString()).ToList();

        Assert.Contains("runtimes/linux-arm64/native/libgrpc_csharp_ext.arm64.so", packageFiles);
        Assert.Contains("lib/netstandard2.0/Grpc.Core.xml", packageFiles);
    }
}
