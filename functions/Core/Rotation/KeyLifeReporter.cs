using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>Reports how long the configured secret's key stays valid, as a <see cref="KeyLifeMetric"/> document.</summary>
internal sealed class KeyLifeReporter(string secretId, ISecretVersions versions, IMetricSink metrics, TimeProvider clock, ILogger logger)
{
    /// <summary>Reports <paramref name="current"/>, the bundle AWSCURRENT holds now; a failure to write propagates.</summary>
    public Task ReportAsync(TokenBundle current, CancellationToken cancellationToken) =>
        metrics.PublishAsync(KeyLifeMetric.Format(secretId, current.ValidUntil, clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Reads AWSCURRENT again and reports it, after a rotation step or a manual rotation, whether that run
    /// succeeded or failed. It never fails the run: a missed report only leaves a gap the daily check fills,
    /// while failing a step that did its work would make Secrets Manager run it again for nothing.
    /// </summary>
    public async Task TryReportCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (_, bundle) = await StoredKeys.ReadCurrentAsync(versions, cancellationToken);
            await ReportAsync(bundle, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RotationLog.KeyLifeNotReported(logger, e.GetType().Name);
        }
    }
}
