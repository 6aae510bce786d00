using System.Collections.Concurrent;
using System.Net;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// Sends every request to a <see cref="MomentoServer"/> on loopback over plaintext HTTP/2, with the host the
/// client addressed kept as the request's authority, and records the addresses the client asked for.
/// </summary>
public sealed class LoopbackRedirectHandler : HttpMessageHandler
{
    private readonly int port;
    private readonly ConcurrentQueue<Uri> requested = new();

    // Held, not wrapped as a DelegatingHandler's inner handler: a GrpcChannel that finds a SocketsHttpHandler in
    // the chain dials the addressed host itself, before any handler could redirect the request.
    private readonly HttpMessageInvoker loopback = new(new SocketsHttpHandler());

    internal LoopbackRedirectHandler(int port) => this.port = port;

    /// <summary>The addresses the client sent requests to, in order, before redirection.</summary>
    public IReadOnlyList<Uri> RequestedUris => [.. requested];

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var addressed = request.RequestUri ?? throw new ArgumentException("The request has no address.", nameof(request));
        requested.Enqueue(addressed);
        request.Headers.Host = addressed.Authority;
        request.RequestUri = new UriBuilder(addressed) { Scheme = Uri.UriSchemeHttp, Host = IPAddress.Loopback.ToString(), Port = port }.Uri;

        // Plaintext HTTP/2 needs prior knowledge: never fall back to HTTP/1.1.
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return loopback.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            loopback.Dispose();
        }

        base.Dispose(disposing);
    }
}
