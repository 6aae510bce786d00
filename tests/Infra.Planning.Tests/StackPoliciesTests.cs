using System.Text.Json;
using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class StackPoliciesTests
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:momento-key-AbCdEf";
    private const string KeyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string LogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:token-vending-logs-1a2b3c";

    [Fact]
    public void Vending_NoKmsKey_ReadsTheSecretAndWritesItsLogsOnly()
    {
        var statements = Statements(StackPolicies.Vending(SecretArn, kmsKeyArn: null, LogGroupArn));

        Assert.Equal(
            [
                Statement(["secretsmanager:GetSecretValue"], [SecretArn]),
                Statement(["logs:CreateLogStream", "logs:PutLogEvents"], [LogGroupArn + ":*"]),
            ],
            statements);
    }

    [Fact]
    public void Vending_WithKmsKey_AlsoDecryptsWithThatKeyOnly()
    {
        var statements = Statements(StackPolicies.Vending(SecretArn, KeyArn, LogGroupArn));

        Assert.Contains(Statement(["kms:Decrypt"], [KeyArn]), statements);
        Assert.Equal(3, statements.Count);
    }

    [Fact]
    public void Refresh_NoKmsKey_RotatesTheSecretAndWritesItsLogsOnly()
    {
        var statements = Statements(StackPolicies.Refresh(SecretArn, kmsKeyArn: null, LogGroupArn));

        Assert.Equal(
            [
                Statement(
                    [
                        "secretsmanager:DescribeSecret",
                        "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue",
                        "secretsmanager:UpdateSecretVersionStage",
                    ],
                    [SecretArn]),
                Statement(["logs:CreateLogStream", "logs:PutLogEvents"], [LogGroupArn + ":*"]),
            ],
            statements);
    }

    [Fact]
    public void Refresh_WithKmsKey_AlsoDecryptsAndGeneratesDataKeysWithThatKeyOnly()
    {
        var statements = Statements(StackPolicies.Refresh(SecretArn, KeyArn, LogGroupArn));

        Assert.Contains(Statement(["kms:Decrypt", "kms:GenerateDataKey"], [KeyArn]), statements);
        Assert.Equal(3, statements.Count);
    }

    [Fact]
    public void Policies_NeverUseWildcardsOrDeny()
    {
        foreach (var document in new[] { StackPolicies.Vending(SecretArn, KeyArn, LogGroupArn), StackPolicies.Refresh(SecretArn, KeyArn, LogGroupArn) })
        {
            using var json = JsonDocument.Parse(document.ToJson());
            Assert.Equal("2012-10-17", json.RootElement.GetProperty("Version").GetString());
            foreach (var statement in json.RootElement.GetProperty("Statement").EnumerateArray())
            {
                Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
                Assert.Matches("^[A-Za-z0-9]+$", statement.GetProperty("Sid").GetString()!);
                Assert.All(statement.GetProperty("Action").EnumerateArray(), a => Assert.DoesNotContain("*", a.GetString()!, StringComparison.Ordinal));
                Assert.All(statement.GetProperty("Resource").EnumerateArray(), r => Assert.StartsWith("arn:aws:", r.GetString()!, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void LambdaAssumeRole_TrustsLambdaOnly()
    {
        using var json = JsonDocument.Parse(StackPolicies.LambdaAssumeRole().ToJson());

        var statement = Assert.Single(json.RootElement.GetProperty("Statement").EnumerateArray().ToList());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("lambda.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(["sts:AssumeRole"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.False(statement.TryGetProperty("Resource", out _));
    }

    [Fact]
    public void ToJson_VersionComesFirst()
    {
        Assert.StartsWith("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"", StackPolicies.LambdaAssumeRole().ToJson(), StringComparison.Ordinal);
    }

    // Each statement as "actions ON resources", read back from the JSON IAM receives.
    private static List<string> Statements(PolicyDocument document)
    {
        using var json = JsonDocument.Parse(document.ToJson());
        return json.RootElement.GetProperty("Statement").EnumerateArray()
            .Select(s => Statement(
                s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!).ToArray(),
                s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!).ToArray()))
            .ToList();
    }

    private static string Statement(string[] actions, string[] resources) =>
        $"{string.Join(' ', actions)} ON {string.Join(' ', resources)}";
}
