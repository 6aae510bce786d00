namespace MomentoTokenVending.Core.Vending;

/// <summary>What the token minter answered.</summary>
public enum MintOutcome
{
    /// <summary>A token was issued.</summary>
    Minted,

    /// <summary>Momento did not accept the key (authentication error).</summary>
    AuthenticationFailed,

    /// <summary>Momento's rate limit on auth operations was hit.</summary>
    RateLimited,

    /// <summary>Any other error.</summary>
    Failed,
}

/// <summary>The result of one mint call: a token, or why there is none.</summary>
public sealed class MintResult
{
    /// <summary>Momento did not accept the key.</summary>
    public static readonly MintResult AuthenticationFailed = new(MintOutcome.AuthenticationFailed, token: null, errorCode: null);

    /// <summary>Momento's rate limit was hit.</summary>
    public static readonly MintResult RateLimited = new(MintOutcome.RateLimited, token: null, errorCode: null);

    private MintResult(MintOutcome outcome, VendedToken? token, string? errorCode)
    {
        Outcome = outcome;
        Token = token;
        ErrorCode = errorCode;
    }

    /// <summary>Which case this is.</summary>
    public MintOutcome Outcome { get; }

    /// <summary>The token when <see cref="Outcome"/> is <see cref="MintOutcome.Minted"/>.</summary>
    public VendedToken? Token { get; }

    /// <summary>The provider's error code when <see cref="Outcome"/> is <see cref="MintOutcome.Failed"/>; safe to log.</summary>
    public string? ErrorCode { get; }

    /// <summary>A token was issued.</summary>
    public static MintResult Minted(VendedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new MintResult(MintOutcome.Minted, token, errorCode: null);
    }

    /// <summary>Any other failure; <paramref name="errorCode"/> names it without secrets (e.g. <c>TIMEOUT_ERROR</c>).</summary>
    public static MintResult Failed(string errorCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        return new MintResult(MintOutcome.Failed, token: null, errorCode);
    }
}
