using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

/// <summary>
/// The same small vending project, without a <c>.git</c> folder (as a source archive unpacks), in two folders of
/// different depth, each published once. Its dependencies are what the real bundle's worst ones look like: the legacy
/// <c>Grpc</c> meta-package (as Momento.Protos references it: Grpc.Core, with a native library per platform and XML
/// docs) and a referenced library of its own with XML docs, like Core.
/// </summary>
public sealed class LeanBundleCopiesFixture : IAsyncLifetime
{
    private const string Items = """
        <PackageReference Include="Grpc" VersionOverride="2.46.5" />
        <PackageReference Include="Grpc.Net.Client" />
        <ProjectReference Include="../Core/MomentoTokenVending.Core.csproj" />
        """;

    private const string Handler = """
        namespace Fn;

        /// <summary>Calls into the library.</summary>
        public static class Handler
        {
            /// <summary>Echoes through the library.</summary>
            public static string Handle(string s) => Library.Echoes.Echo(s);
        }
        """;

    private const string LibraryProject = """
        <Project Sdk="Microsoft.NET.Sdk" />
        """;

    private const string Library = """
        namespace Library;

        /// <summary>A documented type, so the library has an XML doc file.</summary>
        public static class Echoes
        {
            /// <summary>Returns <paramref name="s"/>.</summary>
            public static string Echo(string s) => s;
        }
        """;

    public FixtureRepository First { get; } = new();

    public FixtureRepository Second { get; } = new("unpacked/from/an/archive");

    public string FirstOutput { get; private set; } = string.Empty;

    public string SecondOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var publisher = new FunctionPublisher(new ProcessRunner());
        FirstOutput = await publisher.PublishAsync(LayOut(First), CancellationToken.None);
        SecondOutput = await publisher.PublishAsync(LayOut(Second), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        First.Dispose();
        Second.Dispose();
        return Task.CompletedTask;
    }

    private static FunctionProject LayOut(FixtureRepository repository)
    {
        repository.Write("functions/Core/MomentoTokenVending.Core.csproj", LibraryProject);
        repository.Write("functions/Core/Library.cs", Library);
        return repository.WriteVending(Handler, Items);
    }
}
