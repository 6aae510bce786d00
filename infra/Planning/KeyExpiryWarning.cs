using System.Globalization;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>Checks <c>keyExpiryWarningHours</c> against the rotation the stack sets up.</summary>
public static class KeyExpiryWarning
{
    /// <summary>
    /// Throws <see cref="StackConfigException"/> naming <c>keyExpiryWarningHours</c> when rotation is on and the
    /// warning would come no earlier than the longest gap <c>rotationSchedule</c> can leave between two rotations:
    /// a warning must leave at least one more scheduled rotation (and so a retry) before the key expires.
    /// </summary>
    public static void Ensure(StackSettings settings, bool rotationEnabled)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var longestGap = settings.RotationSchedule.LongestInterval;
        if (rotationEnabled && TimeSpan.FromHours(settings.KeyExpiryWarningHours) <= longestGap)
        {
            throw new StackConfigException(
                StackConfigKeys.KeyExpiryWarningHours,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"must be more than the longest time {StackConfigKeys.Qualify(StackConfigKeys.RotationSchedule)} can leave between two rotations ({longestGap.TotalHours:0.#} hours), so the warning leaves room for another rotation before the key expires; raise it or rotate more often"));
        }
    }
}
