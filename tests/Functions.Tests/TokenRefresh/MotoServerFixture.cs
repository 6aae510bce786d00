using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using MomentoTokenVending.Core;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

/// <summary>
/// A moto_server on a free loopback port, serving the Secrets Manager API, when moto_server is on PATH.
/// Otherwise <see cref="SkipReason"/> says why the tests that need it are skipped.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);

    private Process? server;
    private int port;
    private AmazonSecretsManagerClient? client;

    public string? SkipReason { get; private set; }

    public IAmazonSecretsManager Client => client ?? throw new InvalidOperationException(SkipReason);

    public async Task InitializeAsync()
    {
        var executable = FindOnPath("moto_server");
        if (executable is null)
        {
            SkipReason = "moto_server is not on PATH (pip install 'moto[server]'); skipping the Secrets Manager integration tests.";
            await Console.Error.WriteLineAsync(SkipReason);
            return;
        }

        port = FreeLoopbackPort();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        server = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await WaitForPortAsync(port);
        client = CreateClient();
    }

    /// <summary>A client of its own, for a test that watches its requests; the caller disposes it.</summary>
    public AmazonSecretsManagerClient CreateClient() =>
        SkipReason is null
            ? new AmazonSecretsManagerClient(
                new BasicAWSCredentials("moto", "moto"),
                new AmazonSecretsManagerConfig { ServiceURL = $"http://127.0.0.1:{port}", AuthenticationRegion = "us-east-1" })
            : throw new InvalidOperationException(SkipReason);

    /// <summary>
    /// Creates a secret the way the stack's first deploy does — a secret without a value, then
    /// <paramref name="value"/> as a version labelled AWSCURRENT and SEEDED — or skips the test without moto_server.
    /// </summary>
    public async Task<(string Arn, string VersionId)> SeedAsDeployedAsync(string value)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var secret = await Client.CreateSecretAsync(new CreateSecretRequest { Name = $"momento-token-vending-test-{Guid.NewGuid():N}" });
        var seed = await Client.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = secret.ARN,
            SecretString = value,
            VersionStages = [SecretStages.Current, SecretStages.Seeded],
        });
        return (secret.ARN, seed.VersionId);
    }

    // xunit disposes a class fixture through both interfaces; the cleanup lives in Dispose.
    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        client?.Dispose();
        client = null;
        if (server is not null && !server.HasExited)
        {
            server.Kill(entireProcessTree: true);
        }

        server?.Dispose();
        server = null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortAsync(int port)
    {
        using var limit = new CancellationTokenSource(StartupLimit);
        while (true)
        {
            if (server!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {server.ExitCode} before listening.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, limit.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
            }
        }
    }
}
