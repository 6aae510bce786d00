using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MomentoTokenVending.TestSupport.Moto;

/// <summary>
/// A moto_server (getmoto's AWS emulator) on a free loopback port, which serves the Secrets Manager API to any AWS
/// SDK pointed at <see cref="ServiceUrl"/> with any credentials. Started only where moto_server is on PATH.
/// </summary>
public sealed class MotoServer : IDisposable
{
    /// <summary>Why there is no server, for a skip reason or an error message.</summary>
    public const string NotInstalled = "moto_server is not on PATH (pip install 'moto[server]')";

    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(30);

    private readonly Process process;

    private MotoServer(Process process, int port)
    {
        this.process = process;
        ServiceUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary><c>http://127.0.0.1:port</c>: an SDK's service URL, or <c>AWS_ENDPOINT_URL_SECRETS_MANAGER</c>.</summary>
    public string ServiceUrl { get; }

    /// <summary>
    /// Starts moto_server and waits until it listens; <see langword="null"/> when moto_server is not on PATH
    /// (<see cref="NotInstalled"/>). Throws when it exits or does not listen within 30 s.
    /// </summary>
    public static async Task<MotoServer?> StartIfInstalledAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "moto_server"))
            .FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        var server = new MotoServer(process, port);
        try
        {
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await server.WaitForPortAsync(port);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

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
            if (process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {process.ExitCode} before listening.");
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
