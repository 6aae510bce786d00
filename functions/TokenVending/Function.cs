using System.Diagnostics.CodeAnalysis;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SecretsManager;
using Microsoft.Extensions.Logging;
using Momento.Sdk;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;
using MomentoTokenVending.Lambda;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

[assembly: LambdaSerializer(typeof(SourceGeneratorLambdaJsonSerializer<MomentoTokenVending.TokenVending.VendingJsonContext>))]

namespace MomentoTokenVending.TokenVending;

/// <summary>
/// The token vending Lambda behind the HTTP API (<c>GET /token</c>). Settings are read once per
/// container; SDK clients are created once and rebuilt only when the Momento key changes.
/// </summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The type name is part of the deployed Lambda handler string (FunctionEnvironment.VendingHandler).")]
public sealed partial class Function : IDisposable
{
    // Leaves time to answer 503 before Lambda stops the invocation (which API Gateway would turn into a bare 500).
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromMilliseconds(500);

    private readonly KeyedClient<IAuthClient> authClients;
    private readonly KeyedClient<ICacheClient> cacheClients;
    private readonly TokenVendingService? service;
    private readonly VendingSettingsException? settingsError;
    private readonly TimeProvider time;

    /// <summary>
    /// The constructor Lambda calls: real environment, Secrets Manager and Momento clients. With SnapStart on,
    /// Lambda runs <see cref="SnapshotWarmUp"/> before it takes the snapshot (without SnapStart, never).
    /// </summary>
    public Function()
        : this(
            ReadEnvironment(),
            new AmazonSecretsManagerClient(),
            MomentoClients.CreateAuthClient,
            MomentoClients.CreateCacheClient,
            TimeProvider.System)
    {
        SnapshotRestore.RegisterBeforeSnapshot(SnapshotWarmUp.RunAsync);
    }

    internal Function(
        IReadOnlyDictionary<string, string?> environment,
        IAmazonSecretsManager secretsManager,
        Func<MomentoKey, IAuthClient> createAuthClient,
        Func<MomentoKey, ICacheClient> createCacheClient,
        TimeProvider time)
    {
        this.time = time;
        authClients = new KeyedClient<IAuthClient>(createAuthClient);
        cacheClients = new KeyedClient<ICacheClient>(createCacheClient);
        try
        {
            var settings = VendingSettings.FromEnvironment(environment);
            service = new TokenVendingService(
                settings,
                new SecretsManagerSecretReader(secretsManager),
                new MomentoTokenMinter(authClients),
                new MomentoTokenCache(cacheClients, settings.Scope.CacheName),
                time);
        }
        catch (VendingSettingsException e)
        {
            // Kept, not thrown: a failed init hides its reason behind retries, while every request can log it and answer 500.
            settingsError = e;
        }
    }

    /// <summary>Answers one HTTP API request: 200 with a token, 400, 429, 503 (out of time) or 500.</summary>
    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The handler's last line: any failure becomes a logged, generic 500.")]
    public async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(APIGatewayHttpApiV2ProxyRequest? request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var logger = new LambdaLoggerAdapter(context.Logger);
        if (service is null)
        {
            Log.InvalidSettings(logger, settingsError!.Message);
            return ToLambda(VendingHttp.ServerError);
        }

        var timeLeft = context.RemainingTime - AnswerMargin;
        using var deadline = new CancellationTokenSource(timeLeft > TimeSpan.Zero ? timeLeft : TimeSpan.Zero, time);
        try
        {
            // The source IP comes from API Gateway's request context only: headers are the caller's to forge.
            var result = await service.VendAsync(request?.RequestContext?.Http?.SourceIp, logger, deadline.Token);
            return ToLambda(VendingHttp.ToResponse(result));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Log.TimedOut(logger);
            return ToLambda(VendingHttp.ServiceUnavailable);
        }
        catch (Exception e)
        {
            Log.Unhandled(logger, e);
            return ToLambda(VendingHttp.ServerError);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        authClients.Dispose();
        cacheClients.Dispose();
    }

    private static Dictionary<string, string?> ReadEnvironment() =>
        VendingSettings.VariableNames.ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name), StringComparer.Ordinal);

    internal static APIGatewayHttpApiV2ProxyResponse ToLambda(VendingHttpResponse response) => new()
    {
        StatusCode = response.StatusCode,
        Headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase),
        Body = response.Body,
        IsBase64Encoded = false,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Token vending is misconfigured: {Problems}")]
        public static partial void InvalidSettings(ILogger logger, string problems);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Token vending failed")]
        public static partial void Unhandled(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Token vending ran out of time; answered 503")]
        public static partial void TimedOut(ILogger logger);
    }
}
