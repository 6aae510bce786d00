using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MomentoTokenVending.Core.Tests.Momento;

/// <summary>An in-process gRPC server hosting <see cref="FakeAuthService"/>.</summary>
internal sealed class AuthServerFixture : IAsyncDisposable
{
    private readonly IHost host;

    private AuthServerFixture(IHost host, FakeAuthService service)
    {
        this.host = host;
        Service = service;
    }

    public FakeAuthService Service { get; }

    public HttpMessageHandler CreateHandler() => host.GetTestServer().CreateHandler();

    public static async Task<AuthServerFixture> StartAsync()
    {
        var service = new FakeAuthService();
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => services.AddGrpc().Services.AddSingleton(service))
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapGrpcService<FakeAuthService>())))
            .Build();
        await host.StartAsync();
        return new AuthServerFixture(host, service);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
