using System.Globalization;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// The vending function's settings, read once per container from the environment variables named in
/// <see cref="FunctionEnvironment"/> and validated together.
/// </summary>
public sealed class VendingSettings
{
    /// <summary>Default token lifetime, in minutes.</summary>
    public const int DefaultLifetimeMinutes = 60;

    /// <summary>Longest token lifetime Momento issues (25 h), in minutes.</summary>
    public const int MaxLifetimeMinutes = 25 * 60;

    /// <summary>Default minimum remaining life of a cached token handed out again, in minutes.</summary>
    public const int DefaultReuseMinutes = 5;

    /// <summary>Default time the Momento key is kept before the secret is read again, in minutes.</summary>
    public const int DefaultKeyCacheTtlMinutes = 5;

    /// <summary>Longest time the Momento key may be kept, in minutes (one day).</summary>
    public const int MaxKeyCacheTtlMinutes = 24 * 60;

    /// <summary>Default number of callers whose tokens a container keeps in memory.</summary>
    public const int DefaultMemoryEntries = 10_000;

    /// <summary>Most callers whose tokens a container may keep in memory.</summary>
    public const int MaxMemoryEntries = 1_000_000;

    private const string Minutes = "minutes";
    private const string Entries = "entries";

    private VendingSettings(string secretId, TokenScope scope, TimeSpan tokenLifetime, TimeSpan reuseWindow, TimeSpan keyCacheTtl, int memoryEntries)
    {
        SecretId = secretId;
        Scope = scope;
        TokenLifetime = tokenLifetime;
        ReuseWindow = reuseWindow;
        KeyCacheTtl = keyCacheTtl;
        MemoryEntries = memoryEntries;
    }

    /// <summary>Every variable <see cref="FromEnvironment"/> reads.</summary>
    public static IReadOnlyList<string> VariableNames { get; } =
    [
        FunctionEnvironment.SecretId,
        FunctionEnvironment.CacheName,
        FunctionEnvironment.TokenScope,
        FunctionEnvironment.TopicPrefix,
        FunctionEnvironment.TokenLifetimeMinutes,
        FunctionEnvironment.TokenReuseMinutes,
        FunctionEnvironment.KeyCacheTtlMinutes,
        FunctionEnvironment.TokenMemoryEntries,
    ];

    /// <summary>ARN or name of the secret holding the Momento key.</summary>
    public string SecretId { get; }

    /// <summary>What every vended token may do.</summary>
    public TokenScope Scope { get; }

    /// <summary>How long a vended token lives.</summary>
    public TimeSpan TokenLifetime { get; }

    /// <summary>A cached token is handed out again only while at least this much of its life remains.</summary>
    public TimeSpan ReuseWindow { get; }

    /// <summary>How long the Momento key read from the secret is kept.</summary>
    public TimeSpan KeyCacheTtl { get; }

    /// <summary>
    /// How many callers' tokens this container keeps in memory, to hand them out again with no network call while
    /// they stay reusable; 0 keeps none.
    /// </summary>
    public int MemoryEntries { get; }

    /// <summary>
    /// Reads and validates the settings from <paramref name="environment"/> (absent and empty mean "use the default").
    /// Throws <see cref="VendingSettingsException"/> listing every variable at fault, never its value.
    /// </summary>
    public static VendingSettings FromEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var errors = new List<VendingSettingError>();

        var secretId = Required(environment, FunctionEnvironment.SecretId, errors);
        var cacheName = Required(environment, FunctionEnvironment.CacheName, errors);
        var role = ReadRole(environment, errors);
        var topicPrefix = ReadTopicPrefix(environment, errors);
        var lifetime = WholeNumber(environment, FunctionEnvironment.TokenLifetimeMinutes, Minutes, DefaultLifetimeMinutes, 1, MaxLifetimeMinutes, errors);
        var reuse = WholeNumber(environment, FunctionEnvironment.TokenReuseMinutes, Minutes, DefaultReuseMinutes, 0, MaxLifetimeMinutes - 1, errors);
        var keyTtl = WholeNumber(environment, FunctionEnvironment.KeyCacheTtlMinutes, Minutes, DefaultKeyCacheTtlMinutes, 1, MaxKeyCacheTtlMinutes, errors);
        var memoryEntries = WholeNumber(environment, FunctionEnvironment.TokenMemoryEntries, Entries, DefaultMemoryEntries, 0, MaxMemoryEntries, errors);

        if (lifetime is { } l && reuse is { } r && r >= l)
        {
            errors.Add(new VendingSettingError(
                FunctionEnvironment.TokenReuseMinutes,
                $"must be less than {FunctionEnvironment.TokenLifetimeMinutes}, or no token could ever be reused"));
        }

        if (errors.Count > 0)
        {
            throw new VendingSettingsException(errors);
        }

        return new VendingSettings(
            secretId!,
            new TokenScope(cacheName!, role!.Value, topicPrefix),
            TimeSpan.FromMinutes(lifetime!.Value),
            TimeSpan.FromMinutes(reuse!.Value),
            TimeSpan.FromMinutes(keyTtl!.Value),
            memoryEntries!.Value);
    }

    private static string? Value(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static string? Required(IReadOnlyDictionary<string, string?> environment, string name, List<VendingSettingError> errors)
    {
        var value = Value(environment, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new VendingSettingError(name, "is required and must not be blank"));
            return null;
        }

        if (value.Trim().Length != value.Length)
        {
            errors.Add(new VendingSettingError(name, "must not start or end with whitespace"));
            return null;
        }

        return value;
    }

    private static TokenRole? ReadRole(IReadOnlyDictionary<string, string?> environment, List<VendingSettingError> errors)
    {
        var value = Value(environment, FunctionEnvironment.TokenScope);
        if (value is null)
        {
            return TokenRole.SubscribeOnly;
        }

        foreach (var role in Enum.GetValues<TokenRole>())
        {
            if (string.Equals(value, TokenScope.RoleName(role), StringComparison.Ordinal))
            {
                return role;
            }
        }

        errors.Add(new VendingSettingError(
            FunctionEnvironment.TokenScope,
            $"must be {TokenScope.RoleName(TokenRole.SubscribeOnly)} or {TokenScope.RoleName(TokenRole.PublishSubscribe)}"));
        return null;
    }

    private static string? ReadTopicPrefix(IReadOnlyDictionary<string, string?> environment, List<VendingSettingError> errors)
    {
        var value = Value(environment, FunctionEnvironment.TopicPrefix);
        if (value is not null && value.Trim().Length != value.Length)
        {
            errors.Add(new VendingSettingError(FunctionEnvironment.TopicPrefix, "must not start or end with whitespace (leave it empty for all topics)"));
            return null;
        }

        return value;
    }

    private static int? WholeNumber(
        IReadOnlyDictionary<string, string?> environment, string name, string unit, int defaultValue, int min, int max, List<VendingSettingError> errors)
    {
        var value = Value(environment, name);
        if (value is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new VendingSettingError(name, $"must be a whole number of {unit}"));
            return null;
        }

        if (number < min || number > max)
        {
            errors.Add(new VendingSettingError(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} {unit}")));
            return null;
        }

        return number;
    }
}
