using System.Text.Json;
using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Momento;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// The refresh function's behaviour: reads the event, refuses any secret but the configured one, and
/// runs one rotation step, or a whole rotation for a manual invoke. Cheap to create per invocation;
/// the Momento client and the Secrets Manager adapter it is given are the long-lived parts.
/// </summary>
public sealed class Refresher
{
    private readonly RefresherSettings settings;
    private readonly RotationSteps steps;
    private readonly ILogger logger;

    /// <summary>Creates the refresher over the configured secret's <paramref name="versions"/>.</summary>
    public Refresher(
        RefresherSettings settings,
        ISecretVersions versions,
        IMomentoKeyRefresher momento,
        TimeProvider clock,
        ILogger logger,
        IKeyLiveCheck? liveCheck = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(momento);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        this.settings = settings;
        this.logger = logger;
        steps = new RotationSteps(versions, momento, clock, logger, liveCheck);
    }

    /// <summary>
    /// Handles one invocation. Returns <see langword="null"/> for a rotation step and the new version for a
    /// manual rotation; throws a <see cref="RotationException"/> for an event it refuses or a step that fails.
    /// </summary>
    public async Task<ManualRotationResult?> HandleAsync(JsonElement input, CancellationToken cancellationToken)
    {
        RefresherEvent refresherEvent;
        try
        {
            refresherEvent = RefresherEvent.Parse(input);
        }
        catch (RotationException e)
        {
            RotationLog.Refused(logger, e.Message);
            throw;
        }

        if (!settings.IsConfiguredSecret(refresherEvent.SecretId))
        {
            const string Reason = "The event names a secret other than the one this function rotates (its SECRET_ID).";
            RotationLog.Refused(logger, Reason);
            throw new RotationException(Reason);
        }

        switch (refresherEvent)
        {
            case RotationEvent rotation:
                await steps.RunAsync(rotation.Step, rotation.ClientRequestToken, cancellationToken);
                return null;
            default:
                return await RotateNowAsync(cancellationToken);
        }
    }

    // The same steps Secrets Manager would run, in one go, under a fresh ClientRequestToken.
    private async Task<ManualRotationResult> RotateNowAsync(CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString();
        RotationLog.ManualRotation(logger, settings.SecretId, token);
        await steps.CreateSecretAsync(token, cancellationToken);
        await steps.TestSecretAsync(token, cancellationToken);
        var promoted = await steps.FinishSecretAsync(token, cancellationToken);
        return new ManualRotationResult(settings.SecretId, token, promoted.ValidUntil.ToUnixTimeSeconds());
    }
}
