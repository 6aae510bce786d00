using MomentoTokenVending.ColdStart.Benchmarks;
using MomentoTokenVending.ColdStart.Host;
using MomentoTokenVending.Core;
using MomentoTokenVending.Infra.Planning;
using MomentoTokenVending.TestSupport.Moto;

namespace MomentoTokenVending.Functions.Tests;

/// <summary>
/// The vending bundle, published as the stack publishes it but for this machine, run in a process of its own the way
/// Lambda's managed runtime runs it (ColdStart.Host, as the cold-start benchmark does) against the Momento protocol
/// server and moto: the lean bundle works end to end.
/// </summary>
[Collection(RepositoryPublishes.Name)]
public sealed class HostedBundleTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "mtv-hosted-" + Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public async Task Host_PublishedVendingBundle_MintsThenAnswersTheSameCallerFromMemory()
    {
        using var moto = await MotoServer.StartIfInstalledAsync();
        Skip.If(moto is null, $"{MotoServer.NotInstalled}; skipping the hosted bundle test.");
        var bundle = await ThisMachinePublish.VendingAsync(RepositoryRoot.Find(AppContext.BaseDirectory), folder, [], CancellationToken.None);
        await using var services = await LoopbackServices.StartAsync(moto);
        var request = HttpApiEvent.From(1);

        var run = await FunctionProcess.RunAsync(new DotnetFunction(bundle), services.Environment, [request, request]);

        var function = HandlerString.Parse(FunctionEnvironment.VendingHandler).AssemblyName;
        Assert.Contains($"loaded {function} from {Path.Combine(bundle, function + ".dll")}", run.Log, StringComparison.Ordinal);
        var minted = Assert.Single(services.Momento.Token.Issued);
        Assert.All(run.Answers, answer => Assert.Equal(new VendAnswer(200, minted.ClientToken), VendAnswer.Parse(answer.Line)));
        // The first request: a cache miss, the mint, the cache write. The second: none, from the container's memory.
        Assert.Equal(3, services.Momento.Calls);
        Assert.DoesNotContain(services.Key.WireKey, run.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(minted.ApiKey, run.Log, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
