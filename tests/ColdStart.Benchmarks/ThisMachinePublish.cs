using System.Runtime.InteropServices;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// Runs <c>dotnet</c> with the stack's own publish arguments (<see cref="FunctionProject.PublishArguments"/>) but for
/// this machine's runtime identifier instead of Lambda's, so the bundle runs here; then any extra arguments, such as
/// <c>-p:PublishReadyToRun=true</c>.
/// </summary>
internal sealed class ThisMachinePublish(IProcessRunner inner, IReadOnlyList<string> extra) : IProcessRunner
{
    private const string RuntimeOption = "--runtime";

    /// <summary><c>linux-x64</c> or <c>linux-arm64</c>: Linux, as Lambda, on this machine's processor.</summary>
    public static string RuntimeIdentifier { get; } = $"linux-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";

    /// <summary>Publishes the vending function of the repository at <paramref name="repositoryRoot"/> into <paramref name="outputDirectory"/>.</summary>
    public static Task<string> VendingAsync(string repositoryRoot, string outputDirectory, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var project = FunctionProject.Vending(repositoryRoot) with { OutputDirectory = outputDirectory };
        return new FunctionPublisher(new ThisMachinePublish(new ProcessRunner(), extra)).PublishAsync(project, cancellationToken);
    }

    public Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var value = arguments.ToList().IndexOf(RuntimeOption) + 1;
        if (value == 0 || value == arguments.Count)
        {
            throw new InvalidOperationException($"The stack's publish arguments have no {RuntimeOption} value to replace: {string.Join(' ', arguments)}");
        }

        return inner.RunAsync(fileName, [.. arguments.Take(value), RuntimeIdentifier, .. arguments.Skip(value + 1), .. extra], cancellationToken);
    }
}
