using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using CsCheck;
using Google.Protobuf;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Momento.Protos;

namespace MomentoTokenVending.Core.Tests.Momento;

/// <summary>
/// The gRPC framing edge cases a real server rarely produces; the interop with a real gRPC server (ASP.NET Core's,
/// in <see cref="MomentoRefreshClientTests"/>) covers the ordinary replies and trailers-only errors.
/// </summary>
public sealed class GrpcUnaryCallTests
{
    private static readonly Uri Method = new("https://control.cell.example:443/auth.Auth/RefreshApiToken");

    private static readonly _RefreshApiTokenResponse Reply = new()
    {
        ApiKey = "new-key",
        RefreshToken = "new-refresh-token",
        Endpoint = "cell.example",
        ValidUntil = 1_800_000_000,
    };

    [Fact]
    public async Task Request_PostsOneUncompressedLengthPrefixedMessageOverHttp2WithTheMetadata()
    {
        var message = new _RefreshApiTokenRequest { ApiKey = "key", RefreshToken = "refresh" };

        using var request = GrpcUnaryCall.Request(Method, message, [new("Agent", "test-agent:1.0")]);

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Method, request.RequestUri);
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("trailers", Assert.Single(request.Headers.TE).Value);
        Assert.Equal("test-agent:1.0", Assert.Single(request.Headers.GetValues("Agent")));
        Assert.Equal("application/grpc", request.Content!.Headers.ContentType!.MediaType);
        var body = await request.Content.ReadAsByteArrayAsync();
        Assert.Equal(Frame(message), body);
        Assert.Equal(message, _RefreshApiTokenRequest.Parser.ParseFrom(body, 5, body.Length - 5));
    }

    [Fact]
    public async Task ReadAsync_OneMessageAndStatusOk_ReturnsTheMessage()
    {
        using var response = Response(Frame(Reply), trailerStatus: "0");

        var reply = await ReadAsync(response);

        Assert.Equal(new GrpcReply<_RefreshApiTokenResponse>(GrpcStatus.Ok, Reply), reply);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, nameof(GrpcStatus.Internal))]
    [InlineData(HttpStatusCode.Unauthorized, nameof(GrpcStatus.Unauthenticated))]
    [InlineData(HttpStatusCode.Forbidden, nameof(GrpcStatus.PermissionDenied))]
    [InlineData(HttpStatusCode.NotFound, nameof(GrpcStatus.Unimplemented))]
    [InlineData(HttpStatusCode.TooManyRequests, nameof(GrpcStatus.Unavailable))]
    [InlineData(HttpStatusCode.BadGateway, nameof(GrpcStatus.Unavailable))]
    [InlineData(HttpStatusCode.ServiceUnavailable, nameof(GrpcStatus.Unavailable))]
    [InlineData(HttpStatusCode.GatewayTimeout, nameof(GrpcStatus.Unavailable))]
    [InlineData(HttpStatusCode.InternalServerError, nameof(GrpcStatus.Unknown))]
    public async Task ReadAsync_HttpError_MapsAsGrpcSpecifies(HttpStatusCode httpStatus, string expected)
    {
        using var response = Response(Frame(Reply), trailerStatus: "0");
        response.StatusCode = httpStatus;

        var reply = await ReadAsync(response);

        Assert.Equal(new GrpcReply<_RefreshApiTokenResponse>(Enum.Parse<GrpcStatus>(expected), null), reply);
    }

    [Fact]
    public async Task ReadAsync_StatusInTheHeadersOnly_ReturnsIt()
    {
        using var response = Response([], trailerStatus: null);
        response.Headers.Add("grpc-status", "16");

        var reply = await ReadAsync(response);

        Assert.Equal(new GrpcReply<_RefreshApiTokenResponse>(GrpcStatus.Unauthenticated, null), reply);
    }

    [Fact]
    public async Task ReadAsync_MessageButErrorStatus_ReturnsTheStatusWithoutTheMessage()
    {
        using var response = Response(Frame(Reply), trailerStatus: "14");

        var reply = await ReadAsync(response);

        Assert.Equal(new GrpcReply<_RefreshApiTokenResponse>(GrpcStatus.Unavailable, null), reply);
    }

    [Theory]
    [InlineData("abc", nameof(GrpcStatus.Unknown))]
    [InlineData("99", nameof(GrpcStatus.Unknown))]
    [InlineData("-1", nameof(GrpcStatus.Unknown))]
    [InlineData(null, nameof(GrpcStatus.Internal))]
    public async Task ReadAsync_StatusMissingOrUnreadable_IsAnError(string? trailerStatus, string expected)
    {
        using var response = Response(Frame(Reply), trailerStatus);

        var reply = await ReadAsync(response);

        Assert.Equal(new GrpcReply<_RefreshApiTokenResponse>(Enum.Parse<GrpcStatus>(expected), null), reply);
    }

    [Fact]
    public async Task ReadAsync_NotGrpc_IsInternal()
    {
        // What a proxy's own error page looks like: 200, HTML, no gRPC status.
        using var response = Response("<html>gateway</html>"u8.ToArray(), trailerStatus: null);
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/html");

        var reply = await ReadAsync(response);

        Assert.Equal(new GrpcReply<_RefreshApiTokenResponse>(GrpcStatus.Internal, null), reply);
    }

    public static TheoryData<string, byte[]> MalformedBodies()
    {
        var frame = Frame(Reply);
        var compressed = frame.ToArray();
        compressed[0] = 1;
        var longerThanSent = frame.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(longerThanSent.AsSpan(1, 4), (uint)(frame.Length - 5 + 1));
        return new()
        {
            { "empty", [] },
            { "shorter than the prefix", frame[..4] },
            { "compressed", compressed },
            { "cut short", frame[..^1] },
            { "length says more than was sent", longerThanSent },
            { "two messages", [.. frame, .. frame] },
            { "not protobuf", Prefixed([0xFF, 0xFF, 0xFF]) },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task ReadAsync_MalformedMessage_IsInternal(string why, byte[] body)
    {
        using var response = Response(body, trailerStatus: "0");

        var reply = await ReadAsync(response);

        Assert.True(new GrpcReply<_RefreshApiTokenResponse>(GrpcStatus.Internal, null) == reply, why);
    }

    [Fact]
    public Task ReadAsync_AnyBodyAndStatus_NeverThrowsAndReturnsAMessageOnlyWithStatusOk()
    {
        var statuses = Gen.OneOf(Gen.Const("0"), Gen.Const("14"), Gen.String).Null();
        return Gen.Select(Gen.Byte.Array[0, 64], statuses).Select((body, status) => (Body: body, Status: status))
            .SampleAsync(async sample =>
            {
                using var response = Response(sample.Body, sample.Status);
                var reply = await ReadAsync(response);
                return reply.Message is null || reply.Status == GrpcStatus.Ok;
            });
    }

    [Fact]
    public Task ReadAsync_AnyReply_RoundTrips()
    {
        return Gen.Select(Gen.String, Gen.String, Gen.String, Gen.ULong)
            .Select((key, refresh, endpoint, until) => new _RefreshApiTokenResponse { ApiKey = key, RefreshToken = refresh, Endpoint = endpoint, ValidUntil = until })
            .SampleAsync(async message =>
            {
                using var response = Response(Frame(message), trailerStatus: "0");
                var reply = await ReadAsync(response);
                return reply.Status == GrpcStatus.Ok && message.Equals(reply.Message);
            });
    }

    private static Task<GrpcReply<_RefreshApiTokenResponse>> ReadAsync(HttpResponseMessage response) =>
        GrpcUnaryCall.ReadAsync(response, _RefreshApiTokenResponse.Parser, CancellationToken.None);

    private static HttpResponseMessage Response(byte[] body, string? trailerStatus)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Version = HttpVersion.Version20,
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
        };
        if (trailerStatus is not null)
        {
            response.TrailingHeaders.TryAddWithoutValidation("grpc-status", trailerStatus);
        }

        return response;
    }

    private static byte[] Frame(IMessage message) => Prefixed(message.ToByteArray());

    private static byte[] Prefixed(byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
