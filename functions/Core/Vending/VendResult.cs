namespace MomentoTokenVending.Core.Vending;

/// <summary>How a vending request ended.</summary>
public enum VendOutcome
{
    /// <summary>A token is handed out (HTTP 200).</summary>
    Vended,

    /// <summary>The request lacks a usable source IP (HTTP 400).</summary>
    BadRequest,

    /// <summary>Momento's rate limit was hit (HTTP 429).</summary>
    RateLimited,

    /// <summary>Any other failure (HTTP 500); the cause is in the log.</summary>
    Failed,
}

/// <summary>The result of one vending request.</summary>
public sealed class VendResult
{
    /// <summary>The request lacks a usable source IP.</summary>
    public static readonly VendResult BadRequest = new(VendOutcome.BadRequest, token: null);

    /// <summary>Momento's rate limit was hit.</summary>
    public static readonly VendResult RateLimited = new(VendOutcome.RateLimited, token: null);

    /// <summary>Any other failure.</summary>
    public static readonly VendResult Failed = new(VendOutcome.Failed, token: null);

    private VendResult(VendOutcome outcome, VendedToken? token)
    {
        Outcome = outcome;
        Token = token;
    }

    /// <summary>Which case this is.</summary>
    public VendOutcome Outcome { get; }

    /// <summary>The token when <see cref="Outcome"/> is <see cref="VendOutcome.Vended"/>.</summary>
    public VendedToken? Token { get; }

    /// <summary>A token is handed out.</summary>
    public static VendResult Vended(VendedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new VendResult(VendOutcome.Vended, token);
    }
}
