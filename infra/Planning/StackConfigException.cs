namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// A stack configuration value (or the token file it points to) that cannot be used. The message
/// names the fully qualified key, e.g. <c>momento-token-vending:tokenLifetime</c>, and never the value.
/// </summary>
public sealed class StackConfigException : Exception
{
    /// <summary>Creates the error for <paramref name="key"/> (unqualified, e.g. <c>tokenLifetime</c>).</summary>
    public StackConfigException(string key, string problem)
        : this(key, problem, innerException: null)
    {
    }

    /// <summary>Creates the error for <paramref name="key"/> with the error that caused it.</summary>
    public StackConfigException(string key, string problem, Exception? innerException)
        : base($"{StackConfigKeys.Qualify(key)} {problem}", innerException)
    {
        Key = StackConfigKeys.Qualify(key);
        Problem = problem;
    }

    /// <summary>What is wrong with the value, without the key.</summary>
    public string Problem { get; }

    /// <summary>The fully qualified configuration key at fault.</summary>
    public string Key { get; }
}
