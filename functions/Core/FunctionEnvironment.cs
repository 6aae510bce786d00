namespace MomentoTokenVending.Core;

/// <summary>
/// Names of the environment variables the stack sets on the functions and the functions read
/// once per container. Shared so the two sides cannot drift apart.
/// </summary>
public static class FunctionEnvironment
{
    /// <summary>ARN (or name) of the secret that holds the Momento key bundle. Both functions.</summary>
    public const string SecretId = "SECRET_ID";

    /// <summary>Momento cache the vended tokens are scoped to. Vending.</summary>
    public const string CacheName = "CACHE_NAME";

    /// <summary><c>subscribe-only</c> or <c>publish-subscribe</c>. Vending.</summary>
    public const string TokenScope = "TOKEN_SCOPE";

    /// <summary>Topic-name prefix; empty for all topics. Vending.</summary>
    public const string TopicPrefix = "TOPIC_PREFIX";

    /// <summary>Vended token lifetime in whole minutes. Vending.</summary>
    public const string TokenLifetimeMinutes = "TOKEN_LIFETIME_MINUTES";

    /// <summary>Minimum remaining life, in minutes, for a cached token to be handed out again. Vending.</summary>
    public const string TokenReuseMinutes = "TOKEN_REUSE_MINUTES";

    /// <summary>How long, in minutes, the Momento key read from Secrets Manager is kept. Vending.</summary>
    public const string KeyCacheTtlMinutes = "KEY_CACHE_TTL_MINUTES";

    /// <summary>How many callers' tokens one container keeps in memory (0: none). Vending.</summary>
    public const string TokenMemoryEntries = "TOKEN_MEMORY_ENTRIES";

    /// <summary>Lambda handler string of the vending function.</summary>
    public const string VendingHandler =
        "MomentoTokenVending.TokenVending::MomentoTokenVending.TokenVending.Function::HandleAsync";

    /// <summary>Lambda handler string of the refresh function.</summary>
    public const string RefreshHandler =
        "MomentoTokenVending.TokenRefresh::MomentoTokenVending.TokenRefresh.Function::HandleAsync";
}
