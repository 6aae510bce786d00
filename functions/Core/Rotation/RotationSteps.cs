using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// Secrets Manager's rotation steps for the Momento key. The one unforgivable failure is losing the
/// newest refresh token, so: a refreshed key is written at once as AWSPENDING under the step's
/// ClientRequestToken; a token that already has a value is never refreshed again; and a newer key
/// left pending by an interrupted rotation is carried forward instead of refreshing the older one.
/// </summary>
internal sealed class RotationSteps(
    ISecretVersions versions,
    IMomentoKeyRefresher momento,
    TimeProvider clock,
    ILogger logger,
    IKeyLiveCheck? liveCheck = null)
{
    /// <summary>How many times a refreshed key's write is tried before giving up.</summary>
    internal const int StoreAttempts = 3;

    private static readonly string[] PendingOnly = [SecretStages.Pending];

    public async Task RunAsync(RotationStep step, string token, CancellationToken cancellationToken)
    {
        RotationLog.StepStarting(logger, step, token);
        switch (step)
        {
            case RotationStep.CreateSecret:
                await CreateSecretAsync(token, cancellationToken);
                break;
            case RotationStep.SetSecret:
                // Momento holds no copy of the key to update: the refresh in createSecret did it all.
                break;
            case RotationStep.TestSecret:
                await TestSecretAsync(token, cancellationToken);
                break;
            case RotationStep.FinishSecret:
                await FinishSecretAsync(token, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown rotation step.");
        }
    }

    public async Task CreateSecretAsync(string token, CancellationToken cancellationToken)
    {
        if (await versions.GetByIdAsync(token, cancellationToken) is not null)
        {
            RotationLog.AlreadyCreated(logger, token);
            return;
        }

        var current = await ReadCurrentAsync(cancellationToken);
        var description = await versions.DescribeAsync(cancellationToken);
        var pendingElsewhere = description.PendingVersionExcept(current.VersionId, token);

        if (pendingElsewhere is not null && await ReadCarriableAsync(pendingElsewhere, current.Bundle, cancellationToken) is { } carried)
        {
            RotationLog.CarriedForward(logger, pendingElsewhere, token);
            await StoreAsync(token, carried);
            return;
        }

        var refreshed = await RefreshAsync(current.Bundle, cancellationToken);
        try
        {
            await StoreAsync(token, refreshed);
        }
        catch
        {
            RotationLog.RefreshedKeyNotStored(logger, token, current.Bundle.ValidUntil);
            throw;
        }
    }

    public async Task TestSecretAsync(string token, CancellationToken cancellationToken)
    {
        var (pending, current) = await ReadPromotableAsync(token, cancellationToken);
        if (IsSuperseded(pending, current.Bundle))
        {
            RotationLog.Superseded(logger, token, current.VersionId);
            return;
        }

        if (liveCheck is not null && !await liveCheck.IsWorkingAsync(pending.Key, cancellationToken))
        {
            throw Refuse($"Version {token} failed the live check against Momento.");
        }

        RotationLog.Tested(logger, token, pending.ValidUntil);
    }

    /// <summary>Moves AWSCURRENT to <paramref name="token"/>'s version and returns the bundle now in use.</summary>
    public async Task<TokenBundle> FinishSecretAsync(string token, CancellationToken cancellationToken)
    {
        var (pending, current) = await ReadPromotableAsync(token, cancellationToken);
        if (current.VersionId == token)
        {
            RotationLog.AlreadyCurrent(logger, token);
            return pending;
        }

        if (IsSuperseded(pending, current.Bundle))
        {
            RotationLog.Superseded(logger, token, current.VersionId);
            return current.Bundle;
        }

        await versions.MoveStageAsync(SecretStages.Current, token, current.VersionId, cancellationToken);
        RotationLog.Promoted(logger, token, current.VersionId);
        return pending;
    }

    // A rotation that another rotation overtook (a manual run between Secrets Manager's steps) holds an
    // older key than AWSCURRENT: promoting it would go backwards, and there is nothing left to do.
    private static bool IsSuperseded(TokenBundle pending, TokenBundle current) => pending.ValidUntil < current.ValidUntil;

    private async Task<(TokenBundle Pending, (string VersionId, TokenBundle Bundle) Current)> ReadPromotableAsync(
        string token, CancellationToken cancellationToken)
    {
        var stored = await versions.GetByIdAsync(token, cancellationToken)
            ?? throw Refuse($"Version {token} has no value: createSecret has not stored it.");
        var pending = StoredKeys.Parse(stored, $"version {token}");
        var current = await ReadCurrentAsync(cancellationToken);
        if (current.VersionId == token || IsSuperseded(pending, current.Bundle))
        {
            return (pending, current);
        }

        if (pending.IsExpired(clock))
        {
            throw Refuse($"Version {token} holds a key that has already expired.");
        }

        if (!pending.Equals(current.Bundle) && pending.ValidUntil == current.Bundle.ValidUntil)
        {
            throw Refuse($"Version {token} holds a different key that expires no later than AWSCURRENT (version {current.VersionId}).");
        }

        return (pending, current);
    }

    private async Task<(string VersionId, TokenBundle Bundle)> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StoredKeys.ReadCurrentAsync(versions, cancellationToken);
        }
        catch (RotationException e)
        {
            RotationLog.Refused(logger, e.Message);
            throw;
        }
    }

    // The key another version holds as AWSPENDING, when it is safe to carry forward; null when that
    // version has no value (a rotation Secrets Manager began but never wrote), so nothing can be lost.
    // Anything else may hold the newest refresh token in a form this code cannot use: refuse.
    private async Task<TokenBundle?> ReadCarriableAsync(string versionId, TokenBundle current, CancellationToken cancellationToken)
    {
        var stored = await versions.GetByIdAsync(versionId, cancellationToken);
        if (stored is null)
        {
            RotationLog.EmptyPendingIgnored(logger, versionId);
            return null;
        }

        var advice = $"Another rotation may be running; if none is, inspect version {versionId} and remove its AWSPENDING label "
            + $"(aws secretsmanager update-secret-version-stage --secret-id <secret> --version-stage AWSPENDING --remove-from-version-id {versionId}), then rotate again.";
        if (!TokenBundle.TryParse(stored.Value, out var pending, out var error) || pending is null)
        {
            throw Refuse($"Version {versionId} holds AWSPENDING but is not a valid token bundle ({error?.Message}). {advice}");
        }

        if (pending.IsExpired(clock) || pending.ValidUntil <= current.ValidUntil)
        {
            throw Refuse($"Version {versionId} holds AWSPENDING with a key that is not newer than AWSCURRENT. {advice}");
        }

        return pending;
    }

    private async Task<TokenBundle> RefreshAsync(TokenBundle current, CancellationToken cancellationToken)
    {
        var result = await momento.RefreshAsync(current, cancellationToken);
        if (result is not { Status: KeyRefreshStatus.Refreshed, Bundle: { } refreshed })
        {
            RotationLog.RefreshFailed(logger, result.Status, result.Reason);
            throw new RotationException($"Momento did not refresh the key ({result.Status}): {result.Reason}.");
        }

        RotationLog.Refreshed(logger, refreshed.ValidUntil);
        return refreshed;
    }

    // Writing the same id and value again is a no-op for Secrets Manager, so retrying is always safe,
    // and a refreshed key that is never written takes the newest refresh token with it. For the same
    // reason the write is not cancelled with the invocation: once Momento has answered, it must finish.
    private async Task StoreAsync(string token, TokenBundle bundle)
    {
        var value = bundle.ToJson();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await versions.PutAsync(token, value, PendingOnly, CancellationToken.None);
                RotationLog.Stored(logger, token);
                return;
            }
            catch (Exception e) when (attempt < StoreAttempts)
            {
                RotationLog.StoreRetrying(logger, token, attempt, e.GetType().Name);
            }
        }
    }

    private RotationException Refuse(string reason)
    {
        RotationLog.Refused(logger, reason);
        return new RotationException(reason);
    }
}
