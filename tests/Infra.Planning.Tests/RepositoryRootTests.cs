using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class RepositoryRootTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Find_FromASubfolder_ReturnsTheFolderWithPulumiYaml()
    {
        _temp.Write("Pulumi.yaml", "name: x");
        var infra = Directory.CreateDirectory(Path.Combine(_temp.Path, "infra", "bin")).FullName;

        Assert.Equal(_temp.Path, RepositoryRoot.Find(infra));
    }

    [Fact]
    public void Find_FromTheRootItself_ReturnsIt()
    {
        _temp.Write("Pulumi.yaml", "name: x");

        Assert.Equal(_temp.Path, RepositoryRoot.Find(_temp.Path));
    }

    [Fact]
    public void Find_NoPulumiYamlAbove_ThrowsSayingWhatIsMissing()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryRoot.Find(_temp.Path));

        Assert.Contains("No Pulumi.yaml", error.Message, StringComparison.Ordinal);
    }
}
