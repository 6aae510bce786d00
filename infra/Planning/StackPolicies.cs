namespace MomentoTokenVending.Infra.Planning;

/// <summary>The IAM documents of the two function roles, each scoped to the exact ARNs it needs.</summary>
public static class StackPolicies
{
    /// <summary>Trust policy that lets Lambda assume a function role.</summary>
    public static PolicyDocument LambdaAssumeRole() =>
        new([new PolicyStatement("LambdaAssumeRole", ["sts:AssumeRole"], Principal: new PolicyPrincipal("lambda.amazonaws.com"))]);

    /// <summary>The vending function reads the secret (decrypting with its customer-managed key, if any) and writes its own logs.</summary>
    public static PolicyDocument Vending(string secretArn, string? kmsKeyArn, string logGroupArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        ArgumentException.ThrowIfNullOrEmpty(logGroupArn);
        return Build(
            new PolicyStatement("ReadMomentoKey", ["secretsmanager:GetSecretValue"], [secretArn]),
            kmsKeyArn is null ? null : new PolicyStatement("DecryptMomentoKey", ["kms:Decrypt"], [kmsKeyArn]),
            Logs(logGroupArn));
    }

    /// <summary>
    /// The refresh function runs the secret's rotation: it describes, reads, writes and relabels versions of
    /// that secret only (encrypting and decrypting with its customer-managed key, if any), and writes its own logs.
    /// </summary>
    public static PolicyDocument Refresh(string secretArn, string? kmsKeyArn, string logGroupArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretArn);
        ArgumentException.ThrowIfNullOrEmpty(logGroupArn);
        return Build(
            new PolicyStatement(
                "RotateMomentoKey",
                [
                    "secretsmanager:DescribeSecret",
                    "secretsmanager:GetSecretValue",
                    "secretsmanager:PutSecretValue",
                    "secretsmanager:UpdateSecretVersionStage",
                ],
                [secretArn]),
            kmsKeyArn is null ? null : new PolicyStatement("EncryptMomentoKey", ["kms:Decrypt", "kms:GenerateDataKey"], [kmsKeyArn]),
            Logs(logGroupArn));
    }

    // The log group exists (the stack creates it), so streams and events are all a function needs.
    private static PolicyStatement Logs(string logGroupArn) =>
        new("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], [$"{logGroupArn}:*"]);

    private static PolicyDocument Build(params PolicyStatement?[] statements) =>
        new(statements.OfType<PolicyStatement>().ToArray());
}
