using System.Net;
using System.Text;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Serialization.SystemTextJson;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.TokenVending;

/// <summary>
/// Runs the vending code path once before Lambda SnapStart takes its snapshot, so a restored container
/// starts with it compiled. Made-up data only: the secret is never read and Momento never called before
/// the snapshot, so no key, token or secret value can be in it, and nothing it computes is kept.
/// </summary>
internal static class SnapshotWarmUp
{
    // A well-formed v1 key for a host that cannot exist (RFC 2606 .invalid): clients are built and dropped, never called.
    private static readonly MomentoKey PlaceholderKey =
        MomentoKey.Parse(MomentoKey.WrapV1("eyJhbGciOiJub25lIn0.eyJzdWIiOiJzbmFwc2hvdCJ9.c25hcHNob3Q", "snapshot.invalid"));

    private static readonly byte[] SampleRequest = Encoding.UTF8.GetBytes(
        """{"version":"2.0","routeKey":"GET /token","rawPath":"/token","headers":{"origin":"https://example.invalid"},"requestContext":{"http":{"method":"GET","path":"/token","sourceIp":"192.0.2.1"}},"isBase64Encoded":false}""");

    public static ValueTask RunAsync()
    {
        var serializer = new SourceGeneratorLambdaJsonSerializer<VendingJsonContext>();
        using var input = new MemoryStream(SampleRequest, writable: false);
        var request = serializer.Deserialize<APIGatewayHttpApiV2ProxyRequest>(input);
        _ = IPAddress.Parse(request.RequestContext.Http.SourceIp);

        var response = VendingHttp.ToResponse(VendResult.Vended(new VendedToken("snapshot", DateTimeOffset.UnixEpoch)));
        serializer.Serialize(Function.ToLambda(response), Stream.Null);

        MomentoClients.CreateAuthClient(PlaceholderKey).Dispose();
        MomentoClients.CreateCacheClient(PlaceholderKey).Dispose();
        return ValueTask.CompletedTask;
    }
}
