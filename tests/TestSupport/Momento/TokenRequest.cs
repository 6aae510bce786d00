namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>A <c>token.Token/GenerateDisposableToken</c> request as the server read it.</summary>
/// <param name="AuthToken">The request's <c>auth_token</c>: the key the token is minted with.</param>
/// <param name="ValidFor">The requested lifetime (<c>expires.valid_for_seconds</c>).</param>
/// <param name="Permissions">The requested topic permissions, in order.</param>
/// <param name="TokenId">The request's <c>token_id</c> (empty when none).</param>
/// <param name="Metadata">The call's metadata.</param>
public sealed record TokenRequest(
    string AuthToken,
    TimeSpan ValidFor,
    IReadOnlyList<TopicGrant> Permissions,
    string TokenId,
    CallMetadata Metadata);
