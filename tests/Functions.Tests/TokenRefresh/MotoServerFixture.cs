using Amazon.Runtime;
using Amazon.SecretsManager;
using MomentoTokenVending.ColdStart.Benchmarks;
using MomentoTokenVending.TestSupport.Moto;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

/// <summary>
/// A moto_server on a free loopback port, serving the Secrets Manager API, when moto_server is on PATH.
/// Otherwise <see cref="SkipReason"/> says why the tests that need it are skipped.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime, IDisposable
{
    private MotoServer? server;
    private AmazonSecretsManagerClient? client;

    public string? SkipReason { get; private set; }

    public IAmazonSecretsManager Client => client ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        server = await MotoServer.StartIfInstalledAsync();
        if (server is null)
        {
            SkipReason = $"{MotoServer.NotInstalled}; skipping the Secrets Manager integration tests.";
            await Console.Error.WriteLineAsync(SkipReason);
            return;
        }

        client = CreateClient();
    }

    /// <summary>A client of its own, for a test that watches its requests; the caller disposes it.</summary>
    public AmazonSecretsManagerClient CreateClient() =>
        SkipReason is null
            ? new AmazonSecretsManagerClient(
                new BasicAWSCredentials("moto", "moto"),
                new AmazonSecretsManagerConfig { ServiceURL = server!.ServiceUrl, AuthenticationRegion = "us-east-1" })
            : throw new InvalidOperationException(SkipReason);

    /// <summary>
    /// Creates a secret the way the stack's first deploy does — a secret without a value, then
    /// <paramref name="value"/> as a version labelled AWSCURRENT and SEEDED — or skips the test without moto_server.
    /// </summary>
    public async Task<(string Arn, string VersionId)> SeedAsDeployedAsync(string value)
    {
        Skip.If(SkipReason is not null, SkipReason);
        return await DeployedSecret.SeedAsync(Client, value);
    }

    // xunit disposes a class fixture through both interfaces; the cleanup lives in Dispose.
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        client?.Dispose();
        client = null;
        server?.Dispose();
        server = null;
    }
}
