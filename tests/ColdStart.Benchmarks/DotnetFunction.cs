using System.Diagnostics;
using MomentoTokenVending.ColdStart.Host;
using MomentoTokenVending.Core;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// A published vending bundle, started as Lambda's managed .NET runtime starts a function (its bootstrap.sh):
/// <c>dotnet exec --depsfile &lt;Fn&gt;.deps.json --runtimeconfig &lt;Fn&gt;.runtimeconfig.json</c>, the host
/// (ColdStart.Host, in the place of Amazon.Lambda.RuntimeSupport) and the deployed handler string, in the bundle folder.
/// </summary>
internal sealed class DotnetFunction(string bundleFolder) : IFunctionRuntime
{
    private static readonly string FunctionAssembly = HandlerString.Parse(FunctionEnvironment.VendingHandler).AssemblyName;

    public string Name => ".NET";

    public ProcessStartInfo StartInfo() => new("dotnet")
    {
        ArgumentList =
        {
            "exec",
            "--depsfile", Path.Combine(bundleFolder, $"{FunctionAssembly}.deps.json"),
            "--runtimeconfig", Path.Combine(bundleFolder, $"{FunctionAssembly}.runtimeconfig.json"),
            typeof(UserCode).Assembly.Location,
            FunctionEnvironment.VendingHandler,
        },
        WorkingDirectory = bundleFolder,
    };
}
