namespace MomentoTokenVending.Core.Tokens;

/// <summary>The hosts a Momento key talks to.</summary>
/// <param name="Control">Control plane (key refresh), TLS on 443.</param>
/// <param name="Cache">Cache data plane.</param>
/// <param name="Token">Token vending (disposable tokens).</param>
public sealed record MomentoEndpoints(string Control, string Cache, string Token)
{
    /// <summary>The endpoints of a v1 key or a v2 key's cell host: <c>control.</c>, <c>cache.</c> and <c>token.</c> prefixes.</summary>
    public static MomentoEndpoints ForCell(string cellHost) =>
        new($"control.{cellHost}", $"cache.{cellHost}", $"token.{cellHost}");
}
