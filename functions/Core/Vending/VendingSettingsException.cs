namespace MomentoTokenVending.Core.Vending;

/// <summary>One environment variable that is wrong, and why (never its value).</summary>
/// <param name="Variable">The variable's name, e.g. <c>TOKEN_LIFETIME_MINUTES</c>.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record VendingSettingError(string Variable, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{Variable} {Problem}";
}

/// <summary>The vending settings are invalid; <see cref="Errors"/> names every variable at fault.</summary>
public sealed class VendingSettingsException : Exception
{
    /// <summary>Creates the error from the list of problems.</summary>
    public VendingSettingsException(IReadOnlyList<VendingSettingError> errors)
        : base("Invalid vending settings: " + string.Join("; ", errors ?? throw new ArgumentNullException(nameof(errors))))
    {
        Errors = errors;
    }

    /// <summary>Every variable at fault, in the order they are read.</summary>
    public IReadOnlyList<VendingSettingError> Errors { get; }
}
