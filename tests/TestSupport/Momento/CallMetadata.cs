using Grpc.Core;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// The request metadata a call carried that Momento reads. Momento.Sdk 1.41.1 sends <c>authorization</c>
/// on every call, <c>cache</c> on every cache call, and <c>agent</c> and <c>runtime-version</c> on a client's
/// first call only, each of those twice (from its header middleware and from the client itself). A header sent
/// twice arrives as one, its values joined by <c>", "</c>, as .NET's HTTP/2 handler writes it: e.g.
/// <c>agent: dotnet:auth:1.41.1.0, dotnet:1.41.1.0</c>.
/// </summary>
/// <param name="Authority">The host (and port) the client addressed.</param>
/// <param name="Authorization">The <c>authorization</c> header: the key, as Momento.Sdk sends it.</param>
/// <param name="Cache">The <c>cache</c> header: the cache a data call is for.</param>
/// <param name="Agent">The <c>agent</c> header.</param>
/// <param name="RuntimeVersion">The <c>runtime-version</c> header.</param>
public sealed record CallMetadata(string Authority, string? Authorization, string? Cache, string? Agent, string? RuntimeVersion)
{
    internal static CallMetadata From(ServerCallContext context) => new(
        context.Host,
        context.RequestHeaders.GetValue("authorization"),
        context.RequestHeaders.GetValue("cache"),
        context.RequestHeaders.GetValue("agent"),
        context.RequestHeaders.GetValue("runtime-version"));
}
