namespace MomentoTokenVending.Infra.Planning;

/// <summary>The stack's configuration keys (declared in <c>Pulumi.yaml</c>) and their defaults.</summary>
public static class StackConfigKeys
{
    /// <summary>The Pulumi project name, which is also the configuration namespace.</summary>
    public const string Project = "momento-token-vending";

    /// <summary>Path of <c>momento_token.info.json</c>, relative to the project folder.</summary>
    public const string TokenFile = "tokenFile";

    /// <summary>Momento cache the vended tokens are scoped to.</summary>
    public const string CacheName = "cacheName";

    /// <summary><c>subscribe-only</c> or <c>publish-subscribe</c>.</summary>
    public const string TokenScope = "tokenScope";

    /// <summary>Topic-name prefix; empty for all topics.</summary>
    public const string TopicPrefix = "topicPrefix";

    /// <summary>Vended token lifetime, minutes.</summary>
    public const string TokenLifetime = "tokenLifetime";

    /// <summary>Minimum remaining life, minutes, for a cached token to be handed out again.</summary>
    public const string TokenReuse = "tokenReuse";

    /// <summary>How long, minutes, the vending function keeps the Momento key.</summary>
    public const string KeyCacheTtl = "keyCacheTtl";

    /// <summary>Path of the GET route that vends tokens.</summary>
    public const string VendingRoute = "vendingRoute";

    /// <summary>Secrets Manager rotation schedule expression.</summary>
    public const string RotationSchedule = "rotationSchedule";

    /// <summary>Comma-separated CORS origins, or <c>*</c>.</summary>
    public const string AllowedOrigins = "allowedOrigins";

    /// <summary>HTTP API steady-state requests per second.</summary>
    public const string ThrottleRate = "throttleRate";

    /// <summary>HTTP API burst.</summary>
    public const string ThrottleBurst = "throttleBurst";

    /// <summary>CloudWatch Logs retention in days.</summary>
    public const string LogRetentionDays = "logRetentionDays";

    /// <summary>Optional customer-managed KMS key ARN for the secret.</summary>
    public const string KmsKeyArn = "kmsKeyArn";

    /// <summary>Optional e-mail address for the alarms.</summary>
    public const string AlarmEmail = "alarmEmail";

    /// <summary>Set for one run after re-seeding the secret by hand: the token file is read again to re-decide rotation.</summary>
    public const string Reseed = "reseed";

    /// <summary>Whether the vending function runs with Lambda SnapStart.</summary>
    public const string SnapStart = "snapStart";
    /// <summary>The key-expiry alarm fires once the key is valid for fewer than this many hours.</summary>
    public const string KeyExpiryWarningHours = "keyExpiryWarningHours";

    /// <summary>
    /// Every key with the default <c>Pulumi.yaml</c> declares; an unset key reads as its default,
    /// so a program run outside the CLI's project defaults behaves the same.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TokenFile] = "momento_token.info.json",
        [CacheName] = "default-cache",
        [TokenScope] = "subscribe-only",
        [TopicPrefix] = string.Empty,
        [TokenLifetime] = "60",
        [TokenReuse] = "5",
        [KeyCacheTtl] = "5",
        [VendingRoute] = "/token",
        [RotationSchedule] = "rate(1 day)",
        [AllowedOrigins] = "*",
        [ThrottleRate] = "10",
        [ThrottleBurst] = "20",
        [LogRetentionDays] = "14",
        [KmsKeyArn] = string.Empty,
        [AlarmEmail] = string.Empty,
        [Reseed] = "false",
        [SnapStart] = "false",
        [KeyExpiryWarningHours] = "72",
    };

    /// <summary>The key as Pulumi shows it: <c>momento-token-vending:&lt;key&gt;</c>.</summary>
    public static string Qualify(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key.Contains(':', StringComparison.Ordinal) ? key : $"{Project}:{key}";
    }
}
