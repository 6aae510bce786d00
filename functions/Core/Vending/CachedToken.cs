using System.Globalization;

namespace MomentoTokenVending.Core.Vending;

/// <summary>The text form of a vended token in the token cache: <c>&lt;exp epoch seconds&gt;:&lt;token&gt;</c>.</summary>
internal static class CachedToken
{
    private const char Separator = ':';

    public static string Encode(VendedToken token) =>
        string.Create(CultureInfo.InvariantCulture, $"{token.ExpiresAt.ToUnixTimeSeconds()}{Separator}{token.Token}");

    public static VendedToken? TryDecode(string value)
    {
        var separator = value.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || separator == value.Length - 1
            || !long.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        return new VendedToken(value[(separator + 1)..], DateTimeOffset.FromUnixTimeSeconds(seconds));
    }
}
