namespace MomentoTokenVending.Core;

/// <summary>The staging labels on the secret's versions: Secrets Manager's rotation protocol, and the stack's seed label.</summary>
public static class SecretStages
{
    /// <summary>The version in use.</summary>
    public const string Current = "AWSCURRENT";

    /// <summary>The version a rotation is preparing.</summary>
    public const string Pending = "AWSPENDING";

    /// <summary>The version in use before the last promotion.</summary>
    public const string Previous = "AWSPREVIOUS";

    /// <summary>
    /// Custom label the stack puts on the version seeded from the token file. Secrets Manager deletes versions that
    /// carry no label; were the seeded one deleted after rotations, Pulumi would see it gone and write
    /// the stale file value back. A label of its own keeps it.
    /// </summary>
    public const string Seeded = "SEEDED";
}
