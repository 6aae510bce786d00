using MomentoTokenVending.Core.Momento.Protos;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Momento;

/// <summary>
/// Refreshes legacy and v1 Momento keys with Momento's <c>auth.Auth/RefreshApiToken</c> gRPC call, sent
/// to the key's control endpoint over TLS on port 443 (HTTP/2, through <see cref="GrpcUnaryCall"/>). One call per
/// refresh, no retries: the rotation protocol decides when to try again. Create once and reuse: connections are
/// pooled per control endpoint.
/// </summary>
public sealed class MomentoRefreshClient : IMomentoKeyRefresher, IDisposable
{
    private const string ControlPrefix = "control.";
    private const string RefreshMethod = "/auth.Auth/RefreshApiToken";

    private readonly MomentoRefreshOptions options;
    private readonly TimeProvider clock;
    private readonly HttpMessageInvoker http;

    /// <summary>Creates the client; <paramref name="clock"/> times the deadline.</summary>
    public MomentoRefreshClient(MomentoRefreshOptions options, TimeProvider clock)
        : this(options, clock, httpHandler: null)
    {
    }

    internal MomentoRefreshClient(MomentoRefreshOptions options, TimeProvider clock, HttpMessageHandler? httpHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Deadline, TimeSpan.Zero, nameof(options));
        if (string.IsNullOrWhiteSpace(options.Agent))
        {
            throw new ArgumentException("The Agent header must not be empty.", nameof(options));
        }

        this.options = options;
        this.clock = clock;
        // A handler passed in (tests redirect to loopback with one) stays its owner's to dispose.
        http = new HttpMessageInvoker(httpHandler ?? new SocketsHttpHandler(), disposeHandler: httpHandler is null);
    }

    /// <inheritdoc />
    public async Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!bundle.CanRefresh || bundle.RefreshToken is not { } refreshToken || bundle.Key.Endpoints is not { } endpoints)
        {
            return KeyRefreshResult.NotRefreshable(bundle.NotRefreshableReason ?? "the key has no control endpoint");
        }

        var message = new _RefreshApiTokenRequest { ApiKey = bundle.Key.WireKey, RefreshToken = refreshToken };
        var method = new UriBuilder(Uri.UriSchemeHttps, endpoints.Control, 443, RefreshMethod).Uri;

        // The deadline is a cancellation timed by the injected clock, so it follows TimeProvider in tests.
        using var deadline = new CancellationTokenSource(options.Deadline, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        GrpcReply<_RefreshApiTokenResponse> reply;
        try
        {
            using var request = GrpcUnaryCall.Request(method, message, [new("Agent", options.Agent)]);
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            reply = await GrpcUnaryCall.ReadAsync(response, _RefreshApiTokenResponse.Parser, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The key refresh was cancelled.", e, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return KeyRefreshResult.Transient($"no reply from Momento within the {options.Deadline.TotalSeconds:0.###} s deadline");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // No connection, a TLS or HTTP/2 failure, or a stream cut off: what gRPC reports as UNAVAILABLE.
            return FromStatus(GrpcStatus.Unavailable);
        }

        if (reply.Message is not { } refreshed)
        {
            return FromStatus(reply.Status);
        }

        return FromReply(bundle.Key, refreshed);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private static KeyRefreshResult FromStatus(GrpcStatus status) => status switch
    {
        GrpcStatus.Unauthenticated => KeyRefreshResult.Rejected("Momento did not accept the key or refresh token (UNAUTHENTICATED)"),
        GrpcStatus.PermissionDenied => KeyRefreshResult.Rejected("Momento does not allow this key to be refreshed (PERMISSION_DENIED)"),
        GrpcStatus.Unavailable or GrpcStatus.DeadlineExceeded or GrpcStatus.ResourceExhausted or GrpcStatus.Aborted =>
            KeyRefreshResult.Transient($"Momento is not answering now ({status})"),
        _ => KeyRefreshResult.Failed($"Momento answered {status}"),
    };

    private static KeyRefreshResult FromReply(MomentoKey oldKey, _RefreshApiTokenResponse reply)
    {
        if (reply.ApiKey.Length == 0)
        {
            return KeyRefreshResult.Failed("Momento's reply has no api_key");
        }

        if (reply.ValidUntil == 0 || reply.ValidUntil > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return KeyRefreshResult.Failed("Momento's reply has no usable valid_until");
        }

        // Momento has spent the old refresh token by now, so store whatever is storable rather than fail.
        var endpoint = reply.Endpoint.Length > 0 ? reply.Endpoint : CellHostOf(oldKey);
        MomentoKey newKey;
        try
        {
            newKey = oldKey.WithRefreshedKey(reply.ApiKey, endpoint);
        }
        catch (TokenFormatException) when (reply.Endpoint.Length > 0)
        {
            newKey = MomentoKey.Parse(MomentoKey.WrapV1(reply.ApiKey, reply.Endpoint));
        }
        catch (TokenFormatException)
        {
            return KeyRefreshResult.Failed("Momento's reply holds a key in no known format and no endpoint");
        }

        var validUntil = DateTimeOffset.FromUnixTimeSeconds((long)reply.ValidUntil);
        return KeyRefreshResult.Refreshed(new TokenBundle(newKey, reply.RefreshToken, validUntil));
    }

    // A v1 key's control host is "control." + its cell host; legacy keys do not need one.
    private static string CellHostOf(MomentoKey key) =>
        key.Kind == MomentoKeyKind.V1 && key.Endpoints?.Control is { } control && control.StartsWith(ControlPrefix, StringComparison.OrdinalIgnoreCase)
            ? control[ControlPrefix.Length..]
            : string.Empty;
}
