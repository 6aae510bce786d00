using System.Runtime.InteropServices;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>What the benchmark ran on: the processor, its cores, the OS and both runtimes' versions.</summary>
internal sealed record Machine(string Cpu, int Cores, string Os, string Dotnet, string Node)
{
    public static async Task<Machine> DescribeAsync(IProcessRunner runner, CancellationToken cancellationToken)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var sdk = await FirstLineAsync(runner, "dotnet", cancellationToken);
        var node = await FirstLineAsync(runner, "node", cancellationToken);
        return new Machine(
            cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription,
            // The function's runtimeconfig asks for 10.0.0 and rolls forward to the newest patch, as this process does.
            $"{RuntimeInformation.FrameworkDescription} (SDK {sdk})",
            $"Node.js {node}");
    }

    /// <summary>The load averages over 1, 5 and 15 minutes (<c>/proc/loadavg</c>), or "unknown": others' work shares these cores.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public override string ToString() => $"{Cpu}, {Cores} cores, {Os}; {Dotnet}; {Node}";

    private static async Task<string> FirstLineAsync(IProcessRunner runner, string program, CancellationToken cancellationToken)
    {
        var output = (await runner.RunAsync(program, ["--version"], cancellationToken)).Output;
        return output.Count > 0 ? output[0] : "unknown";
    }
}
