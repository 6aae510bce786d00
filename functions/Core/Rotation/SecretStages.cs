namespace MomentoTokenVending.Core.Rotation;

/// <summary>The staging labels Secrets Manager's rotation protocol uses.</summary>
public static class SecretStages
{
    /// <summary>The version in use.</summary>
    public const string Current = "AWSCURRENT";

    /// <summary>The version a rotation is preparing.</summary>
    public const string Pending = "AWSPENDING";

    /// <summary>The version in use before the last promotion.</summary>
    public const string Previous = "AWSPREVIOUS";
}
