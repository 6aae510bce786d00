using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// The daily check: reads AWSCURRENT and the secret's description, reports the key's remaining life, logs a
/// one-line summary and changes nothing. It runs whether or not rotation is on: a key nobody rotates is the
/// one that needs the warning. A secret whose AWSCURRENT is missing or malformed fails the check, naming the field.
/// </summary>
internal sealed class KeyCheck(string secretId, ISecretVersions versions, KeyLifeReporter reporter, TimeProvider clock, ILogger logger)
{
    public async Task<KeyCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        (string VersionId, TokenBundle Bundle) current;
        try
        {
            current = await StoredKeys.ReadCurrentAsync(versions, cancellationToken);
        }
        catch (RotationException e)
        {
            RotationLog.CheckFailed(logger, e.Message);
            throw;
        }

        await reporter.ReportAsync(current.Bundle, cancellationToken);
        var description = await versions.DescribeAsync(cancellationToken);
        var pending = description.PendingVersionExcept(current.VersionId);
        var hoursLeft = KeyLifeMetric.HoursLeft(current.Bundle.ValidUntil, clock.GetUtcNow());

        RotationLog.Checked(logger, secretId, current.VersionId, current.Bundle.ValidUntil, hoursLeft, description.RotationEnabled);
        if (pending is not null)
        {
            RotationLog.PendingNoted(logger, pending, current.VersionId);
        }

        if (current.Bundle.IsExpired(clock))
        {
            RotationLog.CurrentExpired(logger, current.VersionId, current.Bundle.ValidUntil);
        }

        return new KeyCheckResult(
            secretId,
            current.VersionId,
            current.Bundle.ValidUntil.ToUnixTimeSeconds(),
            hoursLeft,
            description.RotationEnabled,
            pending);
    }
}
