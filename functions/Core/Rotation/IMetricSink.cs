namespace MomentoTokenVending.Core.Rotation;

/// <summary>Where the refresher writes its <see cref="KeyLifeMetric"/> documents: the function's log, as raw log events.</summary>
public interface IMetricSink
{
    /// <summary>Writes <paramref name="emfDocument"/> (one line of JSON) as a log event of its own, unwrapped.</summary>
    Task PublishAsync(string emfDocument, CancellationToken cancellationToken);
}
