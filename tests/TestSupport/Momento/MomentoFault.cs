using Grpc.Core;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>An error status a <see cref="FakeMomentoService"/> answers every call with, as Momento would.</summary>
/// <param name="Status">The gRPC status.</param>
/// <param name="Detail">The status detail.</param>
/// <param name="ErrorTrailer">Momento's <c>err</c> trailer, which Momento.Sdk reads to name the limit hit; or null.</param>
public sealed record MomentoFault(StatusCode Status, string Detail, string? ErrorTrailer = null)
{
    /// <summary>The service is down (<c>UNAVAILABLE</c>; Momento.Sdk's <c>SERVER_UNAVAILABLE</c>).</summary>
    public static MomentoFault Unavailable { get; } = new(StatusCode.Unavailable, "the service is unavailable");

    /// <summary>
    /// The account's rate limit is hit (<c>RESOURCE_EXHAUSTED</c> with Momento's trailer; Momento.Sdk's
    /// <c>LIMIT_EXCEEDED_ERROR</c>).
    /// </summary>
    public static MomentoFault RateLimited { get; } =
        new(StatusCode.ResourceExhausted, "Request rate limit exceeded for this account", "operations_rate_limit_exceeded");

    /// <summary>The key is not accepted (<c>UNAUTHENTICATED</c>; Momento.Sdk's <c>AUTHENTICATION_ERROR</c>).</summary>
    public static MomentoFault Unauthenticated { get; } = new(StatusCode.Unauthenticated, "Invalid signature");

    internal RpcException ToException()
    {
        var trailers = new Metadata();
        if (ErrorTrailer is not null)
        {
            trailers.Add("err", ErrorTrailer);
        }

        return new RpcException(new Status(Status, Detail), trailers);
    }
}
