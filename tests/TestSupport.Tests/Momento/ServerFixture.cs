using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.TestSupport.Momento;

namespace MomentoTokenVending.TestSupport.Tests.Momento;

/// <summary>A <see cref="MomentoServer"/> on a fake clock and a plaintext channel to it, per test.</summary>
public abstract class ServerFixture : IAsyncLifetime
{
    protected const string Key = "accepted-api-key";

    private GrpcChannel? channel;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    protected MomentoServer Server { get; private set; } = null!;

    protected GrpcChannel Channel => channel!;

    public async Task InitializeAsync()
    {
        Server = await MomentoServer.StartAsync(Clock);
        Server.AcceptOnly(Key);
        channel = GrpcChannel.ForAddress($"http://{Server.Endpoint}");
    }

    public async Task DisposeAsync()
    {
        channel?.Dispose();
        await Server.DisposeAsync();
    }

    protected static Metadata Headers(string? authorization = Key, string? cache = "a-cache")
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }

        if (cache is not null)
        {
            headers.Add("cache", cache);
        }

        return headers;
    }
}
