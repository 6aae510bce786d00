using System.Text.Json;
using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Momento;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// The refresh function's behaviour: reads the event, refuses any secret but the configured one, and runs one
/// rotation step, a whole rotation for a manual invoke, or the daily key check. Every accepted event ends with
/// the key's remaining life reported through the <see cref="IMetricSink"/>. Cheap to create per invocation;
/// the Momento client and the Secrets Manager adapter it is given are the long-lived parts.
/// </summary>
public sealed class Refresher
{
    private readonly RefresherSettings settings;
    private readonly RotationSteps steps;
    private readonly KeyLifeReporter reporter;
    private readonly KeyCheck check;
    private readonly ILogger logger;

    /// <summary>Creates the refresher over the configured secret's <paramref name="versions"/>.</summary>
    public Refresher(
        RefresherSettings settings,
        ISecretVersions versions,
        IMomentoKeyRefresher momento,
        TimeProvider clock,
        ILogger logger,
        IMetricSink metrics,
        IKeyLiveCheck? liveCheck = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(momento);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        this.settings = settings;
        this.logger = logger;
        steps = new RotationSteps(versions, momento, clock, logger, liveCheck);
        reporter = new KeyLifeReporter(settings.SecretId, versions, metrics, clock, logger);
        check = new KeyCheck(settings.SecretId, versions, reporter, clock, logger);
    }

    /// <summary>
    /// Handles one invocation. Returns <see langword="null"/> for a rotation step, the new version for a manual
    /// rotation and a <see cref="KeyCheckResult"/> for the check; throws a <see cref="RotationException"/> for an
    /// event it refuses, a step that fails or a check that finds no usable AWSCURRENT.
    /// </summary>
    public async Task<RefresherResult?> HandleAsync(JsonElement input, CancellationToken cancellationToken)
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

        if (refresherEvent.SecretId is { } named && !settings.IsConfiguredSecret(named))
        {
            const string Reason = "The event names a secret other than the one this function rotates (its SECRET_ID).";
            RotationLog.Refused(logger, Reason);
            throw new RotationException(Reason);
        }

        switch (refresherEvent)
        {
            case CheckEvent:
                return await check.RunAsync(cancellationToken);
            case RotationEvent rotation:
                return await ThenReportAsync(
                    async () =>
                    {
                        await steps.RunAsync(rotation.Step, rotation.ClientRequestToken, cancellationToken);
                        return null;
                    },
                    cancellationToken);
            default:
                return await ThenReportAsync(async () => await RotateNowAsync(cancellationToken), cancellationToken);
        }
    }

    // Succeeded or failed, a run ends with what AWSCURRENT holds now (the check reports its own reading).
    private async Task<RefresherResult?> ThenReportAsync(Func<Task<RefresherResult?>> run, CancellationToken cancellationToken)
    {
        try
        {
            return await run();
        }
        finally
        {
            await reporter.TryReportCurrentAsync(cancellationToken);
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
