using System.Globalization;
using MomentoTokenVending.Core.Tokens;

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

    /// <summary>
    /// Warnings for the first deploy, the one run that sees the key: whether the key-expiry alarm will fire at once
    /// (rotation off and less left than the threshold), or before every rotation (rotation on and the key's life,
    /// estimated by what is left of it now, minus the rotation gap is below the threshold). Never names the key.
    /// </summary>
    public static IReadOnlyList<string> ForKey(StackSettings settings, TokenBundle bundle, bool rotationEnabled, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(clock);
        var threshold = TimeSpan.FromHours(settings.KeyExpiryWarningHours);
        var remaining = bundle.RemainingLifetime(clock);
        var key = StackConfigKeys.Qualify(StackConfigKeys.KeyExpiryWarningHours);
        if (!rotationEnabled)
        {
            return remaining < threshold
                ? [string.Create(CultureInfo.InvariantCulture, $"The key is valid for {remaining.TotalHours:0.#} more hours, less than {key} ({settings.KeyExpiryWarningHours}): the key-expiry alarm will fire as soon as the key is checked. Re-seed with a longer-lived key (see README, \"Re-seeding\").")]
                : [];
        }

        var leastLeft = remaining - settings.RotationSchedule.LongestInterval;
        return leastLeft < threshold
            ? [string.Create(CultureInfo.InvariantCulture, $"The key lasts about {remaining.TotalHours:0.#} hours and {StackConfigKeys.Qualify(StackConfigKeys.RotationSchedule)} can leave {settings.RotationSchedule.LongestInterval.TotalHours:0.#} hours between rotations, so just before a rotation it may have {leastLeft.TotalHours:0.#} hours left, less than {key} ({settings.KeyExpiryWarningHours}): the key-expiry alarm would fire before every rotation. Lower {key}, rotate more often, or use a longer-lived key.")]
            : [];
    }
}
