using System.Globalization;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>The environment variables the stack sets on each function (names from <see cref="FunctionEnvironment"/>).</summary>
public static class FunctionVariables
{
    /// <summary>Variables of the vending function.</summary>
    public static IReadOnlyDictionary<string, string> Vending(StackSettings settings, string secretArn)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [FunctionEnvironment.SecretId] = secretArn,
            [FunctionEnvironment.CacheName] = settings.CacheName,
            [FunctionEnvironment.TokenScope] = settings.TokenScope,
            [FunctionEnvironment.TopicPrefix] = settings.TopicPrefix,
            [FunctionEnvironment.TokenLifetimeMinutes] = settings.TokenLifetimeMinutes.ToString(CultureInfo.InvariantCulture),
            [FunctionEnvironment.TokenReuseMinutes] = settings.TokenReuseMinutes.ToString(CultureInfo.InvariantCulture),
            [FunctionEnvironment.KeyCacheTtlMinutes] = settings.KeyCacheTtlMinutes.ToString(CultureInfo.InvariantCulture),
            // The function's default, written out so the function's configuration shows it; no stack setting needed yet.
            [FunctionEnvironment.TokenMemoryEntries] = VendingSettings.DefaultMemoryEntries.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Variables of the refresh function.</summary>
    public static IReadOnlyDictionary<string, string> Refresh(string secretArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        return new SortedDictionary<string, string>(StringComparer.Ordinal) { [FunctionEnvironment.SecretId] = secretArn };
    }
}
