using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>Every stack configuration value, read and validated once at program start.</summary>
/// <param name="TokenFile">Path of the token file as configured (relative to the project folder or absolute).</param>
/// <param name="CacheName">Momento cache the vended tokens are scoped to.</param>
/// <param name="TokenScope"><c>subscribe-only</c> or <c>publish-subscribe</c>.</param>
/// <param name="TopicPrefix">Topic-name prefix; empty for all topics.</param>
/// <param name="TokenLifetimeMinutes">Vended token lifetime, 1 to 1500 minutes.</param>
/// <param name="TokenReuseMinutes">Minimum remaining life for reuse, 0 to less than the lifetime.</param>
/// <param name="KeyCacheTtlMinutes">How long the vending function keeps the Momento key, 1 to 1440 minutes.</param>
/// <param name="VendingRoute">Path of the GET route, such as <c>/token</c>.</param>
/// <param name="RotationSchedule">Secrets Manager rotation schedule.</param>
/// <param name="AllowedOrigins">CORS origins: <c>["*"]</c> or a list of <c>scheme://host[:port]</c>.</param>
/// <param name="ThrottleRate">HTTP API steady-state requests per second.</param>
/// <param name="ThrottleBurst">HTTP API burst.</param>
/// <param name="LogRetentionDays">CloudWatch Logs retention, one of <see cref="StackSettings.RetentionDays"/>.</param>
/// <param name="KmsKeyArn">Customer-managed KMS key ARN for the secret, or <see langword="null"/> for the AWS-managed key.</param>
/// <param name="AlarmEmail">Address subscribed to the alarms, or <see langword="null"/> for none.</param>
/// <param name="Reseed">Whether this run reads the token file again after a re-seed by hand, to re-decide rotation.</param>
/// <param name="SnapStart">Whether the vending function runs with Lambda SnapStart (a published version behind an alias).</param>
/// <param name="KeyExpiryWarningHours">The key-expiry alarm fires once the key is valid for fewer hours than this.</param>
public sealed partial record StackSettings(
    string TokenFile,
    string CacheName,
    string TokenScope,
    string TopicPrefix,
    int TokenLifetimeMinutes,
    int TokenReuseMinutes,
    int KeyCacheTtlMinutes,
    string VendingRoute,
    RotationSchedule RotationSchedule,
    IReadOnlyList<string> AllowedOrigins,
    int ThrottleRate,
    int ThrottleBurst,
    int LogRetentionDays,
    string? KmsKeyArn,
    string? AlarmEmail,
    bool Reseed,
    bool SnapStart,
    int KeyExpiryWarningHours)
{
    /// <summary>Token scopes the vending function understands.</summary>
    public static IReadOnlyList<string> TokenScopes { get; } = ["subscribe-only", "publish-subscribe"];

    /// <summary>Retention periods CloudWatch Logs accepts, in days.</summary>
    public static IReadOnlyList<int> RetentionDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    // Momento's limit on a disposable token: 25 hours.
    private const int MaxTokenLifetimeMinutes = 1500;
    private const int MaxKeyCacheTtlMinutes = 1440;

    // API Gateway's account-level defaults are the ceiling for one stage's default route.
    private const int MaxThrottleRate = 10_000;
    private const int MaxThrottleBurst = 5_000;

    // Two daily checks: a check that is late or fails still leaves one that warns before the key expires.
    private const int MinKeyExpiryWarningHours = 48;

    // 730 days: far beyond any schedule's longest gap, and a bound that catches a value typed in minutes.
    private const int MaxKeyExpiryWarningHours = 17_520;

    /// <summary>The HTTP API route key, e.g. <c>GET /token</c>.</summary>
    public string RouteKey => $"GET {VendingRoute}";

    /// <summary>
    /// Reads every key through <paramref name="config"/> (which returns <see langword="null"/> for an unset key;
    /// the default from <see cref="StackConfigKeys.Defaults"/> then applies) and validates it.
    /// Throws <see cref="StackConfigException"/> naming the first key at fault.
    /// </summary>
    public static StackSettings Read(Func<string, string?> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string Value(string key) => config(key) ?? StackConfigKeys.Defaults[key];

        var lifetime = Integer(StackConfigKeys.TokenLifetime, Value(StackConfigKeys.TokenLifetime), 1, MaxTokenLifetimeMinutes, "minutes");
        return new StackSettings(
            TokenFile: Required(StackConfigKeys.TokenFile, Value(StackConfigKeys.TokenFile)),
            CacheName: Name(StackConfigKeys.CacheName, Value(StackConfigKeys.CacheName), allowEmpty: false),
            TokenScope: Scope(Value(StackConfigKeys.TokenScope)),
            TopicPrefix: Name(StackConfigKeys.TopicPrefix, Value(StackConfigKeys.TopicPrefix), allowEmpty: true),
            TokenLifetimeMinutes: lifetime,
            TokenReuseMinutes: Integer(StackConfigKeys.TokenReuse, Value(StackConfigKeys.TokenReuse), 0, lifetime - 1, "minutes (less than tokenLifetime)"),
            KeyCacheTtlMinutes: Integer(StackConfigKeys.KeyCacheTtl, Value(StackConfigKeys.KeyCacheTtl), 1, MaxKeyCacheTtlMinutes, "minutes"),
            VendingRoute: Route(Value(StackConfigKeys.VendingRoute)),
            RotationSchedule: Schedule(Value(StackConfigKeys.RotationSchedule)),
            AllowedOrigins: Origins(Value(StackConfigKeys.AllowedOrigins)),
            ThrottleRate: Integer(StackConfigKeys.ThrottleRate, Value(StackConfigKeys.ThrottleRate), 1, MaxThrottleRate, "requests per second"),
            ThrottleBurst: Integer(StackConfigKeys.ThrottleBurst, Value(StackConfigKeys.ThrottleBurst), 1, MaxThrottleBurst, "requests"),
            LogRetentionDays: Retention(Value(StackConfigKeys.LogRetentionDays)),
            KmsKeyArn: KmsKey(Value(StackConfigKeys.KmsKeyArn)),
            AlarmEmail: Email(Value(StackConfigKeys.AlarmEmail)),
            Reseed: Boolean(StackConfigKeys.Reseed, Value(StackConfigKeys.Reseed)),
            SnapStart: Boolean(StackConfigKeys.SnapStart, Value(StackConfigKeys.SnapStart)),
            KeyExpiryWarningHours: Integer(
                StackConfigKeys.KeyExpiryWarningHours, Value(StackConfigKeys.KeyExpiryWarningHours), MinKeyExpiryWarningHours, MaxKeyExpiryWarningHours, "hours"));
    }

    private static bool Boolean(string key, string value) =>
        bool.TryParse(value.Trim(), out var flag) ? flag : throw new StackConfigException(key, "must be true or false");

    private static string Required(string key, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new StackConfigException(key, "must not be empty") : value.Trim();

    private static string Name(string key, string value, bool allowEmpty)
    {
        if (value.Length == 0 && allowEmpty)
        {
            return value;
        }

        return NamePattern().IsMatch(value)
            ? value
            : throw new StackConfigException(key, "must be 1 to 255 characters without spaces or control characters");
    }

    private static string Scope(string value) =>
        TokenScopes.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new StackConfigException(StackConfigKeys.TokenScope, $"must be one of: {string.Join(", ", TokenScopes)}");

    private static int Integer(string key, string value, int min, int max, string unit)
    {
        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new StackConfigException(key, $"must be a whole number of {unit} from {min} to {max}");
    }

    private static string Route(string value) =>
        RoutePattern().IsMatch(value)
            ? value
            : throw new StackConfigException(
                StackConfigKeys.VendingRoute,
                "must be a path such as /token: a leading /, then segments of letters, digits, '.', '_', '~' or '-' separated by single /");

    private static RotationSchedule Schedule(string value)
    {
        try
        {
            return RotationSchedule.Parse(value);
        }
        catch (FormatException e)
        {
            throw new StackConfigException(StackConfigKeys.RotationSchedule, e.Message, e);
        }
    }

    private static string[] Origins(string value)
    {
        var origins = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (origins.Length == 0)
        {
            throw new StackConfigException(StackConfigKeys.AllowedOrigins, "must be * or a comma-separated list of origins");
        }

        if (origins.Contains("*", StringComparer.Ordinal))
        {
            return origins.Length == 1
                ? origins
                : throw new StackConfigException(StackConfigKeys.AllowedOrigins, "must be either * alone or a list of origins, not both");
        }

        foreach (var origin in origins)
        {
            var valid = Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                && uri.UserInfo.Length == 0
                && uri.PathAndQuery == "/"
                && uri.Fragment.Length == 0
                && !origin.EndsWith('/');
            if (!valid)
            {
                throw new StackConfigException(
                    StackConfigKeys.AllowedOrigins,
                    "must list origins as scheme://host[:port] (http or https, no path or trailing /), separated by commas");
            }
        }

        return origins.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static int Retention(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && RetentionDays.Contains(days)
            ? days
            : throw new StackConfigException(
                StackConfigKeys.LogRetentionDays,
                $"must be a retention CloudWatch Logs accepts: {string.Join(", ", RetentionDays)}");

    private static string? KmsKey(string value) =>
        value.Length == 0 ? null
        : KmsKeyArnPattern().IsMatch(value) ? value
        : throw new StackConfigException(
            StackConfigKeys.KmsKeyArn,
            "must be empty or a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key-id>); aliases cannot be scoped in IAM policies");

    private static string? Email(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        return MailAddress.TryCreate(value, out var address) && string.Equals(address.Address, value, StringComparison.Ordinal)
            ? value
            : throw new StackConfigException(StackConfigKeys.AlarmEmail, "must be empty or a single e-mail address such as ops@example.com");
    }

    [GeneratedRegex(@"^[^\s\p{C}]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^/([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RoutePattern();

    [GeneratedRegex(@"^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex KmsKeyArnPattern();
}
