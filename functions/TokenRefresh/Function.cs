using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SecretsManager;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Lambda;

[assembly: LambdaSerializer(typeof(SourceGeneratorLambdaJsonSerializer<MomentoTokenVending.TokenRefresh.RefreshJsonContext>))]

namespace MomentoTokenVending.TokenRefresh;

/// <summary>
/// The refresh Lambda: the secret's Secrets Manager rotation function, also invoked by hand. Settings,
/// the Secrets Manager client and the Momento refresh client are created once per container.
/// </summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Lambda's handler string names this type (FunctionEnvironment.RefreshHandler).")]
public sealed class Function
{
    // Leaves time to log and report a failure before Lambda stops the invocation.
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(3);

    private readonly RefresherSettings settings;
    private readonly ISecretVersions versions;
    private readonly IMomentoKeyRefresher momento;
    private readonly TimeProvider clock;
    private readonly IMetricSink metrics;

    /// <summary>The constructor Lambda calls: the real environment, Secrets Manager, Momento and the function's output.</summary>
    public Function()
        : this(
            RefresherSettings.FromEnvironment(Environment.GetEnvironmentVariable),
            new AmazonSecretsManagerClient(),
            new MomentoRefreshClient(new MomentoRefreshOptions(), TimeProvider.System),
            TimeProvider.System,
            Console.Out)
    {
    }

    internal Function(RefresherSettings settings, IAmazonSecretsManager secretsManager, IMomentoKeyRefresher momento, TimeProvider clock, TextWriter output)
    {
        this.settings = settings;
        versions = new SecretsManagerVersions(secretsManager, settings.SecretId);
        this.momento = momento;
        this.clock = clock;
        metrics = new LogMetricSink(output);
    }

    /// <summary>
    /// Runs one rotation step (returns <see langword="null"/>); for <c>{"secretId": "..."}</c> /
    /// <c>{"momento_auth_token_secret_name": "..."}</c>, a whole rotation; for <c>{"check": {}}</c>, the key check.
    /// Every accepted event also reports the key's remaining life as a metric.
    /// </summary>
    public async Task<RefresherResult?> HandleAsync(JsonElement input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stopAfter = context.RemainingTime - StopMargin;
        using var invocation = new CancellationTokenSource(stopAfter > TimeSpan.Zero ? stopAfter : TimeSpan.Zero);
        var refresher = new Refresher(settings, versions, momento, clock, new LambdaLoggerAdapter(context.Logger), metrics);
        return await refresher.HandleAsync(input, invocation.Token);
    }
}
