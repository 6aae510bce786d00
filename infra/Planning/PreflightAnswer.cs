namespace MomentoTokenVending.Infra.Planning;

/// <summary>What Momento answered when the first deploy asked it, with the token file's key, to list its caches.</summary>
public abstract record PreflightAnswer
{
    private protected PreflightAnswer()
    {
    }
}

/// <summary>Momento accepted the key and listed the caches it can see.</summary>
/// <param name="CacheNames">Names of the caches in the key's cell.</param>
public sealed record CachesListed(IReadOnlyList<string> CacheNames) : PreflightAnswer;

/// <summary>Momento, or the SDK before calling it, answered with an error.</summary>
/// <param name="ErrorCode">The SDK's error code name, such as <c>AUTHENTICATION_ERROR</c>.</param>
/// <param name="Message">The SDK's message; may be shown to the user after redaction.</param>
public sealed record MomentoRefused(string ErrorCode, string Message) : PreflightAnswer;

/// <summary>No answer came in time.</summary>
/// <param name="Waited">How long the program waited.</param>
public sealed record NoAnswer(TimeSpan Waited) : PreflightAnswer;
