using System.Text.Json;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>A disposable token the token service minted.</summary>
/// <param name="Request">What was asked for.</param>
/// <param name="ApiKey">The token itself (the response's <c>api_key</c>).</param>
/// <param name="Endpoint">The cell host it works against (the response's <c>endpoint</c>).</param>
/// <param name="ValidUntil">When it expires (the response's <c>valid_until</c>): the server's now plus the requested lifetime.</param>
public sealed record IssuedToken(TokenRequest Request, string ApiKey, string Endpoint, DateTimeOffset ValidUntil)
{
    /// <summary>
    /// The token as Momento.Sdk hands it to its caller (<c>GenerateDisposableTokenResponse.Success.AuthToken</c>):
    /// base64 of <c>{"endpoint", "api_key"}</c>, in that order.
    /// </summary>
    public string ClientToken
    {
        get
        {
            using var json = new MemoryStream();
            using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                writer.WriteString("endpoint", Endpoint);
                writer.WriteString("api_key", ApiKey);
                writer.WriteEndObject();
            }

            return Convert.ToBase64String(json.ToArray());
        }
    }
}
