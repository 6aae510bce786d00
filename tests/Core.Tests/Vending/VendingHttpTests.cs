using System.Text.Json;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class VendingHttpTests
{
    [Fact]
    public void ToResponse_Vended_200WithTokenAndExpAsEpochSeconds()
    {
        var token = new VendedToken("eyJhcGlfa2V5Ijoi+/=", DateTimeOffset.FromUnixTimeSeconds(1_795_000_000));

        var response = VendingHttp.ToResponse(VendResult.Vended(token));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("""{"token":"eyJhcGlfa2V5Ijoi+/=","exp":1795000000}""", response.Body);
        Assert.Equal("application/json", response.Headers["Content-Type"]);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        Assert.False(response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public void ToResponse_TokenWithJsonSpecialCharacters_StaysValidJson()
    {
        var token = new VendedToken("quote\" backslash\\ <tag>", DateTimeOffset.FromUnixTimeSeconds(1));

        using var body = JsonDocument.Parse(VendingHttp.ToResponse(VendResult.Vended(token)).Body);

        Assert.Equal("quote\" backslash\\ <tag>", body.RootElement.GetProperty("token").GetString());
    }

    [Fact]
    public void ToResponse_RateLimited_429WithRetryAfter()
    {
        var response = VendingHttp.ToResponse(VendResult.RateLimited);

        Assert.Equal(429, response.StatusCode);
        Assert.Equal("1", response.Headers["Retry-After"]);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
    }

    [Theory]
    [InlineData(VendOutcome.BadRequest, 400)]
    [InlineData(VendOutcome.RateLimited, 429)]
    [InlineData(VendOutcome.Failed, 500)]
    public void ToResponse_Failure_GenericJsonErrorBody(VendOutcome outcome, int statusCode)
    {
        var result = outcome switch
        {
            VendOutcome.BadRequest => VendResult.BadRequest,
            VendOutcome.RateLimited => VendResult.RateLimited,
            _ => VendResult.Failed,
        };

        var response = VendingHttp.ToResponse(result);

        Assert.Equal(statusCode, response.StatusCode);
        Assert.Equal("application/json", response.Headers["Content-Type"]);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(JsonValueKind.String, body.RootElement.GetProperty("error").ValueKind);
        Assert.Single(body.RootElement.EnumerateObject());
    }

    [Fact]
    public void ServerError_Is500() => Assert.Equal(500, VendingHttp.ServerError.StatusCode);

    [Fact]
    public void ServiceUnavailable_503WithRetryAfterAndGenericBody()
    {
        var response = VendingHttp.ServiceUnavailable;

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("1", response.Headers["Retry-After"]);
        Assert.Equal("no-store", response.Headers["Cache-Control"]);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal("token vending timed out, retry later", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void ToString_Vended_DoesNotShowTheToken()
    {
        var response = VendingHttp.ToResponse(VendResult.Vended(new VendedToken("secret-token", DateTimeOffset.UnixEpoch)));

        Assert.DoesNotContain("secret-token", response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", VendResult.Vended(new VendedToken("secret-token", DateTimeOffset.UnixEpoch)).Token!.ToString(), StringComparison.Ordinal);
    }
}
