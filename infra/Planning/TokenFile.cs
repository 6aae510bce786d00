using System.Globalization;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>Loads <c>momento_token.info.json</c> for the stack, failing with an error that names <c>tokenFile</c>.</summary>
public static class TokenFile
{
    /// <summary>
    /// Reads and parses the file at <paramref name="path"/> (relative paths resolve against
    /// <paramref name="projectDirectory"/>). Throws <see cref="StackConfigException"/> when the file is
    /// missing, unreadable, not a token file, holds a v2 key, or holds a key that has expired at <paramref name="clock"/>'s now.
    /// </summary>
    public static TokenBundle Load(string projectDirectory, string path, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(clock);

        var fullPath = Path.GetFullPath(path, projectDirectory);
        if (!File.Exists(fullPath))
        {
            throw new StackConfigException(
                StackConfigKeys.TokenFile,
                $"points to '{fullPath}', which does not exist; download momento_token.info.json from the Momento console (API keys) and put it there, or set the key to its path");
        }

        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StackConfigException(StackConfigKeys.TokenFile, $"points to '{fullPath}', which cannot be read ({e.GetType().Name})", e);
        }

        TokenBundle bundle;
        try
        {
            bundle = TokenBundle.Parse(json);
        }
        catch (TokenFormatException e)
        {
            throw new StackConfigException(StackConfigKeys.TokenFile, $"points to a file that is not a Momento token file: {e.Message}", e);
        }

        if (bundle.Key.Kind == MomentoKeyKind.V2)
        {
            // Momento.Sdk needs an endpoint for a v2 key, which the token file does not carry: the vending
            // function would answer every request with 500. Refuse before deploying such a stack.
            throw new StackConfigException(
                StackConfigKeys.TokenFile,
                "points to a v2 API key, which carries no endpoint; token vending needs a v1 or legacy key (the console's momento_token.info.json)");
        }

        if (bundle.IsExpired(clock))
        {
            throw new StackConfigException(
                StackConfigKeys.TokenFile,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"points to a key that expired at {bundle.ValidUntil:u}; put the current key there (see README, \"Token file\")"));
        }

        return bundle;
    }
}
