using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using MomentoTokenVending.Core.Momento.Protos;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Momento;

/// <summary>
/// Refreshes legacy and v1 Momento keys with Momento's <c>auth.Auth/RefreshApiToken</c> gRPC call, sent
/// to the key's control endpoint over TLS on port 443. One call per refresh, no retries: the rotation
/// protocol decides when to try again. Create once and reuse; channels are kept per control endpoint.
/// </summary>
public sealed class MomentoRefreshClient : IMomentoKeyRefresher, IDisposable
{
    private const string ControlPrefix = "control.";

    private readonly MomentoRefreshOptions options;
    private readonly TimeProvider clock;
    private readonly HttpMessageHandler? httpHandler;
    private readonly ConcurrentDictionary<string, GrpcChannel> channels = new(StringComparer.OrdinalIgnoreCase);

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
        this.httpHandler = httpHandler;
    }

    /// <inheritdoc />
    public async Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!bundle.CanRefresh || bundle.RefreshToken is not { } refreshToken || bundle.Key.Endpoints is not { } endpoints)
        {
            return KeyRefreshResult.NotRefreshable(bundle.NotRefreshableReason ?? "the key has no control endpoint");
        }

        var client = new Auth.AuthClient(ChannelFor(endpoints.Control));
        var request = new _RefreshApiTokenRequest { ApiKey = bundle.Key.WireKey, RefreshToken = refreshToken };
        var headers = new Metadata { { "Agent", options.Agent } };

        // The deadline is a cancellation timed by the injected clock, so it follows TimeProvider in tests.
        using var deadline = new CancellationTokenSource(options.Deadline, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        _RefreshApiTokenResponse reply;
        try
        {
            reply = await client.RefreshApiTokenAsync(request, headers, cancellationToken: linked.Token);
        }
        catch (RpcException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The key refresh was cancelled.", e, cancellationToken);
        }
        catch (RpcException e)
        {
            return deadline.IsCancellationRequested
                ? KeyRefreshResult.Transient($"no reply from Momento within the {options.Deadline.TotalSeconds:0.###} s deadline")
                : FromStatus(e.StatusCode);
        }

        return FromReply(bundle.Key, reply);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }

        channels.Clear();
    }

    private GrpcChannel ChannelFor(string controlHost) =>
        channels.GetOrAdd(
            controlHost,
            host => GrpcChannel.ForAddress(
                new UriBuilder(Uri.UriSchemeHttps, host, 443).Uri,
                new GrpcChannelOptions { HttpHandler = httpHandler }));

    private static KeyRefreshResult FromStatus(StatusCode status) => status switch
    {
        StatusCode.Unauthenticated => KeyRefreshResult.Rejected("Momento did not accept the key or refresh token (UNAUTHENTICATED)"),
        StatusCode.PermissionDenied => KeyRefreshResult.Rejected("Momento does not allow this key to be refreshed (PERMISSION_DENIED)"),
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted =>
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
