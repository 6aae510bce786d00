using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.TokenRefresh;

/// <summary>
/// Writes the refresher's embedded metric format (EMF) documents to the function's output as log events of their own.
/// </summary>
/// <remarks>
/// CloudWatch Logs extracts the metrics from any log event of a Lambda function that follows the EMF
/// specification, with no agent and no <c>PutMetricData</c> permission
/// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Lambda.html),
/// and with the JSON log format Lambda does not double-encode a log event that is already a JSON object
/// (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html, "Default log formats").
/// The document must therefore reach the log as the raw object: EMF only reads a top-level <c>_aws</c> member.
/// In the .NET runtime (Amazon.Lambda.RuntimeSupport, LogLevelLoggerWriter) both <see cref="Amazon.Lambda.Core.ILambdaLogger"/>
/// and <c>Console.WriteLine</c> go through the formatter, which with the JSON log format wraps the text as the
/// <c>"message"</c> string of a {timestamp, level, requestId, message} object: the metric would be lost. The runtime's
/// wrapper passes <c>Write</c> (without "Line") to the underlying writer unchanged, which is the telemetry
/// log stream where one write is one log event. So: one <c>Write</c> of the document and its newline, on
/// <see cref="Console.Out"/>, whose lock the runtime's own log lines share.
/// </remarks>
internal sealed class LogMetricSink(TextWriter output) : IMetricSink
{
    public Task PublishAsync(string emfDocument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emfDocument);
        cancellationToken.ThrowIfCancellationRequested();
        output.Write(emfDocument + "\n");
        return Task.CompletedTask;
    }
}
