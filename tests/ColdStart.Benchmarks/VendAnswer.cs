using System.Text.Json;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>An answer line as a Lambda function returns it to API Gateway: its status and, from a 200's body, the token.</summary>
internal sealed record VendAnswer(int StatusCode, string? Token)
{
    /// <summary>Reads <c>{"statusCode", "body": "{\"token\", ...}"}</c>; the token is <see langword="null"/> unless the status is 200.</summary>
    public static VendAnswer Parse(string line)
    {
        using var answer = JsonDocument.Parse(line);
        var status = answer.RootElement.GetProperty("statusCode").GetInt32();
        if (status != 200)
        {
            return new VendAnswer(status, null);
        }

        using var body = JsonDocument.Parse(answer.RootElement.GetProperty("body").GetString() ?? "{}");
        return new VendAnswer(status, body.RootElement.GetProperty("token").GetString());
    }
}
