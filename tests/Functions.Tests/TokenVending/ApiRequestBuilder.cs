using Amazon.Lambda.APIGatewayEvents;

namespace MomentoTokenVending.Functions.Tests.TokenVending;

/// <summary>A valid-by-default HTTP API (payload 2.0) <c>GET /token</c> event.</summary>
internal sealed class ApiRequestBuilder
{
    private string? sourceIp = "203.0.113.7";
    private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase) { ["origin"] = "https://app.example.com" };

    public ApiRequestBuilder WithSourceIp(string? value)
    {
        sourceIp = value;
        return this;
    }

    public ApiRequestBuilder WithHeader(string name, string value)
    {
        headers[name] = value;
        return this;
    }

    public APIGatewayHttpApiV2ProxyRequest Build() => new()
    {
        Version = "2.0",
        RouteKey = "GET /token",
        RawPath = "/token",
        Headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase),
        RequestContext = new APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext
        {
            RouteKey = "GET /token",
            Http = new APIGatewayHttpApiV2ProxyRequest.HttpDescription { Method = "GET", Path = "/token", SourceIp = sourceIp },
        },
    };
}
