namespace MomentoTokenVending.Core.Vending;

/// <summary>A Momento disposable token and when it expires. <see cref="ToString"/> never shows the token.</summary>
public sealed class VendedToken
{
    /// <summary>Creates the token.</summary>
    public VendedToken(string token, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        Token = token;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token exactly as Momento issued it; handed to the browser as is.</summary>
    public string Token { get; }

    /// <summary>When Momento stops accepting the token (whole seconds).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>How long the token still works at <paramref name="now"/>; negative once expired.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => ExpiresAt - now;

    /// <inheritdoc />
    public override string ToString() => $"VendedToken {{ ExpiresAt = {ExpiresAt:O} }}";
}
