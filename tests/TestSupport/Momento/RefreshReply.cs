namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>What the auth service answers a granted refresh with, field for field as on the wire.</summary>
/// <param name="ApiKey">The new key (<c>api_key</c>).</param>
/// <param name="RefreshToken">The new refresh token (<c>refresh_token</c>).</param>
/// <param name="Endpoint">The cell host (<c>endpoint</c>).</param>
/// <param name="ValidUntil">The new key's expiry in epoch seconds (<c>valid_until</c>).</param>
public sealed record RefreshReply(string ApiKey, string RefreshToken, string Endpoint, ulong ValidUntil);
