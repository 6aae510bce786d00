using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using MomentoTokenVending.ColdStart.Benchmarks;
using MomentoTokenVending.Infra.Planning;
using MomentoTokenVending.TestSupport.Moto;

// The cold-start benchmark: ./build.sh bench coldstart [--runs N] [extra dotnet publish arguments, e.g. -p:PublishReadyToRun=true]
// Publishes the vending function as the stack does but for this machine, starts the Momento protocol server and moto on
// loopback, then times N pairs of fresh processes, .NET and the Node reference alternating, from process start to the
// first 200 (a mint) and the second (the same caller again), and prints the figures as Markdown.
const int DefaultRuns = 10;
var runs = DefaultRuns;
var publishArguments = new List<string>();
for (var index = 0; index < args.Length; index++)
{
    if (args[index] != "--runs")
    {
        publishArguments.Add(args[index]);
    }
    else if (index + 1 >= args.Length || !int.TryParse(args[++index], CultureInfo.InvariantCulture, out runs) || runs is < 1 or > 1000)
    {
        await Console.Error.WriteLineAsync("--runs takes a number of pairs from 1 to 1000");
        return 64;
    }
}

try
{
    var root = RepositoryRoot.Find(Environment.CurrentDirectory);
    using var moto = await MotoServer.StartIfInstalledAsync()
        ?? throw new InvalidOperationException($"{MotoServer.NotInstalled}: the benchmark serves Secrets Manager with it.");
    var runner = new ProcessRunner();
    var extra = publishArguments.Count == 0 ? string.Empty : $" with {string.Join(' ', publishArguments)}";
    Console.WriteLine($"publishing the vending function as the stack does, for {ThisMachinePublish.RuntimeIdentifier}{extra}");
    var bundle = await ThisMachinePublish.VendingAsync(root, Path.Combine(root, "artifacts", "coldstart", "token-vending"), publishArguments, CancellationToken.None);
    var node = new NodeReference(NodeReference.FolderIn(root));
    Console.WriteLine("installing the Node reference's packages (npm ci)");
    await node.InstallAsync(runner, CancellationToken.None);
    var machine = await Machine.DescribeAsync(runner, CancellationToken.None);

    await using var services = await LoopbackServices.StartAsync(moto);
    var bench = new ColdStartBench(services);
    var dotnet = new DotnetFunction(bundle);

    var loadBefore = Machine.LoadAverage();
    Console.WriteLine($"warming up, then {runs} pairs");

    // One run of each first, not counted: it brings every file into the page cache and both servers past their first calls.
    await bench.RunAsync(dotnet);
    await bench.RunAsync(node);
    var pairs = new List<(ColdStart Dotnet, ColdStart Node)>();
    for (var pair = 0; pair < runs; pair++)
    {
        // Which runtime goes first alternates too, so neither always runs right after the other.
        if (pair % 2 == 0)
        {
            var first = await bench.RunAsync(dotnet);
            pairs.Add((first, await bench.RunAsync(node)));
        }
        else
        {
            var first = await bench.RunAsync(node);
            pairs.Add((await bench.RunAsync(dotnet), first));
        }
    }

    var files = Directory.GetFiles(bundle);
    Console.WriteLine();
    Console.WriteLine($"Machine: {machine}; load average {loadBefore} before, {Machine.LoadAverage()} after.");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $".NET: {FunctionProject.Vending(root).Name} published for {ThisMachinePublish.RuntimeIdentifier}{extra} ({files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1_000_000.0:0.00} MB), hosted by ColdStart.Host."));
    Console.WriteLine($"Node: node-reference, {NodePackages(NodeReference.FolderIn(root))}.");
    Console.WriteLine($"{runs} pairs of fresh processes after one uncounted run of each; every run answered 200 twice with the one token the server minted for it ({services.Momento.Token.Issued.Count} mints in all).");
    Console.WriteLine();
    Console.Write(ColdStartReport.Markdown(pairs));
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or FunctionBuildException or DirectoryNotFoundException or Win32Exception)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

static string NodePackages(string folder)
{
    using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package.json")));
    return string.Join(", ", package.RootElement.GetProperty("dependencies").EnumerateObject().Select(d => $"{d.Name} {d.Value.GetString()}"));
}
