using System.Globalization;
using MomentoTokenVending.Core;

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
        };
    }

    /// <summary>Variables of the refresh function.</summary>
    public static IReadOnlyDictionary<string, string> Refresh(string secretArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        return new SortedDictionary<string, string>(StringComparer.Ordinal) { [FunctionEnvironment.SecretId] = secretArn };
    }
}
