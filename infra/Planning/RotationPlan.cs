using System.Globalization;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>Whether the stack sets up rotation for the key in the token file, and what the user should be warned about.</summary>
/// <param name="Enabled">Whether the secret gets a rotation schedule pointing at the refresh function.</param>
/// <param name="Warnings">Messages for <c>pulumi preview</c>; never contain key or token text.</param>
public sealed record RotationPlan(bool Enabled, IReadOnlyList<string> Warnings)
{
    /// <summary>Decides the plan for <paramref name="bundle"/> under <paramref name="schedule"/> at <paramref name="clock"/>'s now.</summary>
    public static RotationPlan Decide(TokenBundle bundle, RotationSchedule schedule, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(clock);

        if (!bundle.CanRefresh)
        {
            return new RotationPlan(
                Enabled: false,
                [string.Create(
                    CultureInfo.InvariantCulture,
                    $"Rotation is off: {bundle.NotRefreshableReason}. The secret keeps this key until it expires at {bundle.ValidUntil:u}; to rotate, download a key with a refresh token and re-seed the secret (see README, \"Re-seeding\").")]);
        }

        var remaining = bundle.RemainingLifetime(clock);
        if (schedule.LongestInterval > remaining / 2)
        {
            return new RotationPlan(
                Enabled: true,
                [string.Create(
                    CultureInfo.InvariantCulture,
                    $"{StackConfigKeys.Qualify(StackConfigKeys.RotationSchedule)} can leave {Describe(schedule.LongestInterval)} between rotations, more than half of the key's remaining lifetime ({Describe(remaining)}): one failed rotation could let the key expire. Choose a shorter schedule.")]);
        }

        return new RotationPlan(Enabled: true, []);
    }

    private static string Describe(TimeSpan span) =>
        span >= TimeSpan.FromDays(2)
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");
}
