using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>Keeps every metric document the refresher publishes, in order.</summary>
internal sealed class CapturingMetrics : IMetricSink
{
    public List<string> Documents { get; } = [];

    public Task PublishAsync(string emfDocument, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Documents.Add(emfDocument);
        return Task.CompletedTask;
    }
}
