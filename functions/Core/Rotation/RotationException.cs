namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// A rotation step or refresher event that cannot go on. The message says why and what to do, and
/// never contains a key, refresh token or secret value.
/// </summary>
public sealed class RotationException : Exception
{
    /// <summary>Creates the error.</summary>
    public RotationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public RotationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error with no message.</summary>
    public RotationException()
    {
    }
}
