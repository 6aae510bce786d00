namespace MomentoTokenVending.Core.Stack;

/// <summary>Staging labels the stack puts on secret versions.</summary>
public static class SecretStages
{
    /// <summary>Secrets Manager's label of the version in use.</summary>
    public const string Current = "AWSCURRENT";

    /// <summary>
    /// Custom label on the version seeded from the token file. Secrets Manager deletes versions that
    /// carry no label; were the seeded one deleted after rotations, Pulumi would see it gone and write
    /// the stale file value back. A label of its own keeps it.
    /// </summary>
    public const string Seeded = "SEEDED";
}
