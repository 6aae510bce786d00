namespace MomentoTokenVending.Core.Momento;

/// <summary>How a key refresh ended.</summary>
public enum KeyRefreshStatus
{
    /// <summary>Momento issued a new key and refresh token; the old refresh token is spent.</summary>
    Refreshed,

    /// <summary>Momento refused the key or refresh token (authentication or permission).</summary>
    Rejected,

    /// <summary>The key cannot be refreshed at all (a v2 key, or no refresh token); nothing was sent.</summary>
    NotRefreshable,

    /// <summary>Momento could not be reached in time (unavailable, deadline); worth retrying later.</summary>
    Transient,

    /// <summary>Any other gRPC status, or a reply that cannot be stored.</summary>
    Failed,
}
