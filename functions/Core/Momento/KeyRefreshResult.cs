using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Momento;

/// <summary>The outcome of one key refresh. <see cref="Reason"/> never contains key or token text.</summary>
public sealed class KeyRefreshResult
{
    private KeyRefreshResult(KeyRefreshStatus status, TokenBundle? bundle, string reason)
    {
        Status = status;
        Bundle = bundle;
        Reason = reason;
    }

    /// <summary>How the refresh ended.</summary>
    public KeyRefreshStatus Status { get; }

    /// <summary>The new key, refresh token and expiry; set only when <see cref="Status"/> is <see cref="KeyRefreshStatus.Refreshed"/>.</summary>
    public TokenBundle? Bundle { get; }

    /// <summary>A short description that is safe to log.</summary>
    public string Reason { get; }

    /// <summary>A successful refresh.</summary>
    public static KeyRefreshResult Refreshed(TokenBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new(KeyRefreshStatus.Refreshed, bundle, "refreshed");
    }

    /// <summary>Momento refused the key or refresh token.</summary>
    public static KeyRefreshResult Rejected(string reason) => new(KeyRefreshStatus.Rejected, null, reason);

    /// <summary>The key cannot be refreshed; nothing was sent.</summary>
    public static KeyRefreshResult NotRefreshable(string reason) => new(KeyRefreshStatus.NotRefreshable, null, reason);

    /// <summary>Momento could not be reached in time.</summary>
    public static KeyRefreshResult Transient(string reason) => new(KeyRefreshStatus.Transient, null, reason);

    /// <summary>Any other failure.</summary>
    public static KeyRefreshResult Failed(string reason) => new(KeyRefreshStatus.Failed, null, reason);

    /// <inheritdoc />
    public override string ToString() => $"KeyRefreshResult {{ Status = {Status}, Reason = {Reason} }}";
}
