using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace MomentoTokenVending.Core.Momento;

/// <summary>
/// One unary gRPC call over HTTP/2 as grpc/grpc <c>doc/PROTOCOL-HTTP2.md</c> defines it: a POST to
/// <c>/{service}/{method}</c> carrying one length-prefixed, uncompressed message, answered by one message and a
/// <c>grpc-status</c> trailer (or by the status alone, in the headers). The refresher makes a single call of this
/// kind, so it speaks the protocol over <see cref="HttpMessageInvoker"/> instead of shipping Grpc.Net.Client,
/// Grpc.Net.Common and Grpc.Core.Api (≈ 450 KB) in its bundle.
/// </summary>
internal static class GrpcUnaryCall
{
    private const int PrefixLength = 5;
    private const string GrpcMediaType = "application/grpc";

    /// <summary>The request for <paramref name="method"/> (<c>https://host:port/service/method</c>) with <paramref name="metadata"/> as headers.</summary>
    public static HttpRequestMessage Request(Uri method, IMessage message, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var body = new byte[PrefixLength + message.CalculateSize()];
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1, 4), (uint)(body.Length - PrefixLength));
        message.WriteTo(body.AsSpan(PrefixLength));

        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(GrpcMediaType) } },
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in metadata)
        {
            request.Headers.Add(name, value);
        }

        return request;
    }

    /// <summary>
    /// Reads the reply to a <see cref="Request"/>. Every answer that is not one well-formed message with status OK
    /// comes back as a status: an HTTP error maps as gRPC's <c>doc/http-grpc-status-mapping.md</c> says, and a reply
    /// that is not gRPC, is compressed, is cut short or does not parse is <see cref="GrpcStatus.Internal"/>.
    /// </summary>
    public static async Task<GrpcReply<T>> ReadAsync<T>(HttpResponseMessage response, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new(FromHttpStatus(response.StatusCode), null);
        }

        // A call that fails before any message ("trailers-only") carries its status in the headers.
        if (StatusIn(response.Headers) is { } early and not GrpcStatus.Ok)
        {
            return new(early, null);
        }

        if (response.Content.Headers.ContentType?.MediaType?.StartsWith(GrpcMediaType, StringComparison.OrdinalIgnoreCase) != true)
        {
            return new(GrpcStatus.Internal, null);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = StatusIn(response.TrailingHeaders) ?? StatusIn(response.Headers) ?? GrpcStatus.Internal;
        if (status != GrpcStatus.Ok)
        {
            return new(status, null);
        }

        var message = Parse(body, parser);
        return message is null ? new(GrpcStatus.Internal, null) : new(GrpcStatus.Ok, message);
    }

    private static T? Parse<T>(byte[] body, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        // Exactly one uncompressed message: flag 0, then its length, then the message.
        if (body.Length < PrefixLength || body[0] != 0
            || BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4)) != (uint)(body.Length - PrefixLength))
        {
            return null;
        }

        try
        {
            return parser.ParseFrom(body, PrefixLength, body.Length - PrefixLength);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private static GrpcStatus? StatusIn(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var values))
        {
            return null;
        }

        return int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Enum.IsDefined((GrpcStatus)code)
            ? (GrpcStatus)code
            : GrpcStatus.Unknown;
    }

    private static GrpcStatus FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => GrpcStatus.Internal,
        HttpStatusCode.Unauthorized => GrpcStatus.Unauthenticated,
        HttpStatusCode.Forbidden => GrpcStatus.PermissionDenied,
        HttpStatusCode.NotFound => GrpcStatus.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
            GrpcStatus.Unavailable,
        _ => GrpcStatus.Unknown,
    };
}
