#:project ../infra/Planning/MomentoTokenVending.Infra.Planning.csproj

// Publishes both functions exactly as the stack does (FunctionPublisher, FunctionProject.PublishArguments), zips
// each folder with deflate as Pulumi does for a Lambda archive, and prints the sizes.
//   ./build.sh bundle-size                               the deployed bundles
//   ./build.sh bundle-size -p:PublishReadyToRun=true     the same with extra dotnet publish arguments
using System.Globalization;
using System.IO.Compression;
using MomentoTokenVending.Infra.Planning;

var root = RepositoryRoot.Find(Environment.CurrentDirectory);
var publisher = new FunctionPublisher(new WithExtraArguments(new ProcessRunner(), args));
(FunctionProject Project, double TargetMb)[] bundles = [(FunctionProject.Vending(root), 2.0), (FunctionProject.Refresh(root), 1.0)];

Console.WriteLine(args.Length == 0 ? "as deployed (1 MB = 1,000,000 bytes)" : $"with {string.Join(' ', args)} (1 MB = 1,000,000 bytes)");
Console.WriteLine("| bundle | files | unpacked | zipped | target (zipped) |");
Console.WriteLine("|---|---:|---:|---:|---:|");
var largest = new List<string>();
foreach (var (project, targetMb) in bundles)
{
    var folder = await publisher.PublishAsync(project, CancellationToken.None);
    var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
    var unpacked = files.Sum(f => new FileInfo(f).Length);
    var zipped = ZippedSize(folder, files);
    Console.WriteLine(Invariant($"| {project.Name} | {files.Count} | {Mb(unpacked)} | {Mb(zipped)} | {targetMb:0.0} MB |"));
    largest.AddRange(files
        .OrderByDescending(f => new FileInfo(f).Length)
        .Take(5)
        .Select(f => Invariant($"  {project.Name}: {Path.GetRelativePath(folder, f)} {new FileInfo(f).Length / 1024.0:0} KB")));
}

Console.WriteLine();
Console.WriteLine("largest files:");
largest.ForEach(Console.WriteLine);
return 0;

static long ZippedSize(string folder, List<string> files)
{
    using var buffer = new MemoryStream();
    using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
    {
        foreach (var file in files)
        {
            zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'), CompressionLevel.Optimal);
        }
    }

    return buffer.Length;
}

static string Mb(long bytes) => Invariant($"{bytes / 1_000_000.0:0.000} MB");

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

/// <summary>Runs dotnet with extra arguments after the publisher's own.</summary>
internal sealed class WithExtraArguments(IProcessRunner inner, IReadOnlyList<string> extra) : IProcessRunner
{
    public Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        inner.RunAsync(fileName, [.. arguments, .. extra], cancellationToken);
}
