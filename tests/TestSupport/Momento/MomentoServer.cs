using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// Momento's gRPC wire contract on a free loopback port, plaintext HTTP/2 (what Momento.Sdk dials for a
/// credential provider with <c>SecureEndpoints = false</c>): <c>token.Token</c> (<see cref="Token"/>),
/// <c>cache_client.Scs</c> (<see cref="Cache"/>) and <c>auth.Auth</c> (<see cref="Auth"/>), in-process on Kestrel.
/// TTLs, token expiry and delays follow the clock it is started with.
/// </summary>
public sealed class MomentoServer : IAsyncDisposable
{
    // Bounds shutdown when a client still holds a connection open.
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(5);

    private readonly IHost host;
    private readonly CancellationTokenSource stopping;
    private readonly KeyRing keys;
    private int disposed;

    private MomentoServer(IHost host, CancellationTokenSource stopping, KeyRing keys, FakeTokenService token, FakeCacheService cache, FakeAuthService auth)
    {
        this.host = host;
        this.stopping = stopping;
        this.keys = keys;
        Token = token;
        Cache = cache;
        Auth = auth;
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Port = new Uri(address).Port;
    }

    /// <summary>The port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>: what a credential provider's endpoints are set to.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The disposable-token service.</summary>
    public FakeTokenService Token { get; }

    /// <summary>The cache data plane.</summary>
    public FakeCacheService Cache { get; }

    /// <summary>The key refresh service.</summary>
    public FakeAuthService Auth { get; }

    /// <summary>Calls that reached the server, all services together.</summary>
    public int Calls => Token.Calls + Cache.Calls + Auth.Calls;

    /// <summary>Starts a server on a free port; <paramref name="clock"/> is its notion of now.</summary>
    public static async Task<MomentoServer> StartAsync(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var stopping = new CancellationTokenSource();
        var keys = new KeyRing();
        var token = new FakeTokenService(clock, keys, stopping.Token);
        var cache = new FakeCacheService(clock, keys, stopping.Token);
        var auth = new FakeAuthService(clock, stopping.Token);
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services => services
                    .AddSingleton(new TokenGrpcService(token))
                    .AddSingleton(new CacheGrpcService(cache))
                    .AddSingleton(new AuthGrpcService(auth))
                    .AddGrpc())
                .Configure(app => app.UseRouting().UseEndpoints(endpoints =>
                {
                    endpoints.MapGrpcService<TokenGrpcService>();
                    endpoints.MapGrpcService<CacheGrpcService>();
                    endpoints.MapGrpcService<AuthGrpcService>();
                })))
            .Build();
        await host.StartAsync();
        return new MomentoServer(host, stopping, keys, token, cache, auth);
    }

    /// <summary>
    /// Makes <paramref name="apiKeys"/> the only keys the token service mints with (a request's <c>auth_token</c>)
    /// and the cache service serves (a call's <c>authorization</c>); none until called.
    /// </summary>
    public void AcceptOnly(params IEnumerable<string> apiKeys) => keys.Replace(apiKeys);

    /// <summary>
    /// A handler for clients that always dial TLS on a fixed host (Core's refresh client dials
    /// <c>https://control.&lt;cell&gt;:443</c>): it sends every request here instead, in plaintext, keeping the
    /// addressed host as the authority. Dispose it after the client.
    /// </summary>
    public LoopbackRedirectHandler CreateRedirectHandler() => new(Port);

    /// <summary>Ends calls still held by a delay, then stops the server; later calls do nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        using (var limit = new CancellationTokenSource(StopLimit))
        {
            await host.StopAsync(limit.Token);
        }

        host.Dispose();
        stopping.Dispose();
    }
}
