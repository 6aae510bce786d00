using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

/// <summary>
/// A tiny repository laid out like this one, in a folder of its own: the real build files (Directory.Build.props,
/// Directory.Packages.props, BannedSymbols.txt, functions/Bundle.props) around a small vending project, so a publish
/// here builds with exactly the settings the real functions build with.
/// </summary>
public sealed class FixtureRepository : IDisposable
{
    public const string VendingFolder = "functions/TokenVending";

    private static readonly string[] BuildFiles =
        ["Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", "functions/Bundle.props"];

    private readonly TempDirectory _temp = new();

    /// <summary>Copies the build files into <paramref name="subfolder"/> of a new temp folder (none: the folder itself).</summary>
    public FixtureRepository(string subfolder = "")
    {
        Root = Path.GetFullPath(Path.Combine(_temp.Path, subfolder));
        var source = RepositoryRoot.Find(AppContext.BaseDirectory);
        foreach (var file in BuildFiles)
        {
            Write(file, File.ReadAllText(Path.Combine(source, file)));
        }
    }

    public string Root { get; }

    public FunctionProject Vending => FunctionProject.Vending(Root);

    public string Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>A vending project importing functions/Bundle.props, with <paramref name="items"/> in an item group.</summary>
    public FunctionProject WriteVending(string source, string items = "")
    {
        Write($"{VendingFolder}/MomentoTokenVending.TokenVending.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="../Bundle.props" />
              <PropertyGroup>
                <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
        Write($"{VendingFolder}/Handler.cs", source);
        return Vending;
    }

    public void Dispose() => _temp.Dispose();
}
