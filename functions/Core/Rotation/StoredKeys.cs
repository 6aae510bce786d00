using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>Reads key bundles out of the secret's versions, with errors that name the version and the field at fault.</summary>
internal static class StoredKeys
{
    /// <summary>The version carrying AWSCURRENT and its bundle; a <see cref="RotationException"/> when there is none or it does not parse.</summary>
    public static async Task<(string VersionId, TokenBundle Bundle)> ReadCurrentAsync(ISecretVersions versions, CancellationToken cancellationToken)
    {
        var current = await versions.GetByStageAsync(SecretStages.Current, cancellationToken)
            ?? throw new RotationException("The secret has no AWSCURRENT version; seed it from momento_token.info.json.");
        return (current.VersionId, Parse(current, $"AWSCURRENT (version {current.VersionId})"));
    }

    /// <summary>The bundle <paramref name="version"/> holds; a <see cref="RotationException"/> naming <paramref name="what"/> and the field when it does not parse.</summary>
    public static TokenBundle Parse(SecretVersion version, string what)
    {
        try
        {
            return TokenBundle.Parse(version.Value);
        }
        catch (TokenFormatException e)
        {
            throw new RotationException($"{what} is not a valid token bundle: {e.Message}", e);
        }
    }
}
