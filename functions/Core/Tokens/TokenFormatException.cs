namespace MomentoTokenVending.Core.Tokens;

/// <summary>
/// A token file or secret value that does not follow the contract. The message names the
/// field and the problem, never the value.
/// </summary>
public sealed class TokenFormatException : FormatException
{
    /// <summary>Creates the error for <paramref name="field"/>.</summary>
    public TokenFormatException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The field at fault (<c>authToken</c>, <c>validUntil</c>, ...), or <c>(document)</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
