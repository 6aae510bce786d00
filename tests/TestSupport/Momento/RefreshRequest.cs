namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>An <c>auth.Auth/RefreshApiToken</c> request as the server read it.</summary>
/// <param name="ApiKey">The key to refresh (<c>api_key</c>).</param>
/// <param name="RefreshToken">Its refresh token (<c>refresh_token</c>).</param>
/// <param name="Metadata">The call's metadata.</param>
public sealed record RefreshRequest(string ApiKey, string RefreshToken, CallMetadata Metadata);
