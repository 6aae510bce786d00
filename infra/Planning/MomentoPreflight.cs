using System.Globalization;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// Judges the first deploy's check of the token file's key against Momento: a key Momento rejects, or a
/// <c>cacheName</c> that is not among the key's caches, stops the preview; an answer that proves neither
/// (Momento unreachable, a key that may not list caches) only warns, because deploying from a network that
/// cannot reach Momento is legitimate.
/// </summary>
public static class MomentoPreflight
{
    /// <summary>How long the program waits for Momento before going on with a warning.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private const string Redacted = "<redacted>";

    /// <summary>
    /// Returns the warnings to show for <paramref name="answer"/>, or throws a <see cref="StackConfigException"/>
    /// naming <c>tokenFile</c> (key rejected) or <c>cacheName</c> (cache missing). Never echoes the key.
    /// </summary>
    public static IReadOnlyList<string> Judge(PreflightAnswer answer, string cacheName, MomentoKey key)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrEmpty(cacheName);
        ArgumentNullException.ThrowIfNull(key);

        return answer switch
        {
            CachesListed listed => listed.CacheNames.Contains(cacheName, StringComparer.Ordinal)
                ? []
                : throw MissingCache(cacheName, listed.CacheNames, key),
            MomentoRefused { ErrorCode: "AUTHENTICATION_ERROR" or "INVALID_ARGUMENT_ERROR" } refused => throw new StackConfigException(
                StackConfigKeys.TokenFile,
                $"holds a key Momento does not accept: {Redact(refused.Message, key)}. Download a current key from the Momento console (API keys) into the token file and run again"),
            MomentoRefused { ErrorCode: "PERMISSION_ERROR" } => [NotChecked(cacheName, "the key may not list caches (a fine-grained key)")],
            MomentoRefused refused => [NotChecked(cacheName, $"Momento answered {refused.ErrorCode}: {Redact(refused.Message, key)}")],
            NoAnswer none => [NotChecked(cacheName, string.Create(CultureInfo.InvariantCulture, $"Momento did not answer within {none.Waited.TotalSeconds:0} s"))],
            _ => throw new ArgumentOutOfRangeException(nameof(answer), answer.GetType().Name, "Unknown preflight answer."),
        };
    }

    private static StackConfigException MissingCache(string cacheName, IReadOnlyList<string> caches, MomentoKey key)
    {
        var visible = caches.Count == 0 ? "none" : string.Join(", ", caches.Order(StringComparer.Ordinal));
        var cell = key.Endpoints?.Cache is { } host ? $" (cell {host})" : string.Empty;
        return new StackConfigException(
            StackConfigKeys.CacheName,
            $"names cache '{cacheName}', which does not exist for this key{cell}. Caches the key can see: {visible}. "
            + $"Create '{cacheName}' in the Momento console (Caches, Create cache, in the key's region) or with the Momento CLI (momento cache create), "
            + $"or set {StackConfigKeys.Qualify(StackConfigKeys.CacheName)} to one of the caches above, and run again");
    }

    private static string NotChecked(string cacheName, string why) =>
        $"Could not check the token file's key or that cache '{cacheName}' exists in Momento: {why}. Deploying anyway; if the cache is missing, every browser's subscribe fails (see README, \"When something is wrong\").";

    // Momento's messages do not quote keys, but the preview output is shared widely: make sure.
    private static string Redact(string message, MomentoKey key) =>
        message.Replace(key.Value, Redacted, StringComparison.Ordinal).Replace(key.WireKey, Redacted, StringComparison.Ordinal);
}
