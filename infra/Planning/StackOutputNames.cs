namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// Names of the stack outputs. The component writes them and the next run of the program reads some of
/// them back (see <see cref="LastDeployment"/>), so both sides use these constants.
/// </summary>
public static class StackOutputNames
{
    /// <summary>The URL browsers <c>GET</c> for <c>{token, exp}</c>.</summary>
    public const string VendingUrl = "vendingUrl";

    /// <summary>ARN of the secret that holds the Momento key.</summary>
    public const string SecretArn = "secretArn";

    /// <summary>Name of the secret.</summary>
    public const string SecretName = "secretName";

    /// <summary>Name of the refresh function.</summary>
    public const string RefresherFunctionName = "refresherFunctionName";

    /// <summary>The AWS CLI command that starts a Secrets Manager rotation now.</summary>
    public const string RotateNowCommand = "rotateNowCommand";

    /// <summary>The AWS CLI command that invokes the refresh function with the manual event.</summary>
    public const string InvokeRefresherCommand = "invokeRefresherCommand";

    /// <summary>The AWS CLI command that invokes the refresh function with the daily check event.</summary>
    public const string CheckKeyCommand = "checkKeyCommand";

    /// <summary>Whether the secret rotates: decided from the token file at the first deploy, then kept.</summary>
    public const string RotationEnabled = "rotationEnabled";

    /// <summary>
    /// The seed version's value (a Pulumi secret): the same value the stack's state already holds for that
    /// version, exported so later runs can declare the version without the token file.
    /// </summary>
    public const string SeedSecretString = "seedSecretString";
}
