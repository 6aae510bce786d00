using System.Collections.Immutable;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Stack;
using Pulumi;
using Pulumi.Aws.ApiGatewayV2;
using Pulumi.Aws.ApiGatewayV2.Inputs;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;
using Pulumi.Aws.SecretsManager;
using Pulumi.Aws.SecretsManager.Inputs;
using Pulumi.Aws.Sns;

namespace MomentoTokenVending.Infra;

/// <summary>
/// The whole system: the secret holding the Momento key, the vending function behind an HTTP API,
/// the refresh function that rotates the secret, their roles, logs and alarms.
/// </summary>
internal sealed class TokenVendingStack : ComponentResource
{
    private const string DotnetRuntime = "dotnet10";
    private const string Arm64 = "arm64";

    /// <summary>Declares every resource as a child of this component.</summary>
    public TokenVendingStack(string name, TokenVendingStackArgs args, ComponentResourceOptions? options = null)
        : base("momento-token-vending:index:TokenVendingStack", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = args.Settings;

        // The Momento key bundle; a customer-managed key encrypts it when one is configured.
        var secretArgs = new SecretArgs
        {
            Description = "Momento API key bundle for momento-token-vending (rotated by the refresh function).",
            RecoveryWindowInDays = 7,
        };
        if (settings.KmsKeyArn is { } kmsKeyArn)
        {
            secretArgs.KmsKeyId = kmsKeyArn;
        }

        var secret = new Secret($"{name}-secret", secretArgs, Child());

        // Seeded once from the token file. Later runs must not write the stale file value back once rotation
        // has moved AWSCURRENT on, and the extra label keeps AWS from deleting this version.
        var seed = new SecretVersion(
            $"{name}-seed",
            new SecretVersionArgs
            {
                SecretId = secret.Arn,
                SecretString = args.SeedSecretString,
                VersionStages = new[] { SecretStages.Current, SecretStages.Seeded },
            },
            new CustomResourceOptions { Parent = this, IgnoreChanges = { "secretString", "versionStages" } });

        // Explicit log groups, so retention is ours and each role can be limited to its own group.
        var vendingLogs = new LogGroup($"{name}-vending-logs", new LogGroupArgs { RetentionInDays = settings.LogRetentionDays }, Child());
        var refreshLogs = new LogGroup($"{name}-refresh-logs", new LogGroupArgs { RetentionInDays = settings.LogRetentionDays }, Child());
        var apiLogs = new LogGroup($"{name}-api-logs", new LogGroupArgs { RetentionInDays = settings.LogRetentionDays }, Child());

        // Vending reads the secret; nothing else.
        var vendingRole = new Role($"{name}-vending-role", new RoleArgs { AssumeRolePolicy = StackPolicies.LambdaAssumeRole().ToJson() }, Child());
        var vendingPolicy = new RolePolicy(
            $"{name}-vending-policy",
            new RolePolicyArgs
            {
                Role = vendingRole.Name,
                Policy = Output.Tuple(secret.Arn, vendingLogs.Arn)
                    .Apply(t => StackPolicies.Vending(t.Item1, settings.KmsKeyArn, t.Item2).ToJson()),
            },
            Child());

        // Refresh runs the rotation steps on this one secret.
        var refreshRole = new Role($"{name}-refresh-role", new RoleArgs { AssumeRolePolicy = StackPolicies.LambdaAssumeRole().ToJson() }, Child());
        var refreshPolicy = new RolePolicy(
            $"{name}-refresh-policy",
            new RolePolicyArgs
            {
                Role = refreshRole.Name,
                Policy = Output.Tuple(secret.Arn, refreshLogs.Arn)
                    .Apply(t => StackPolicies.Refresh(t.Item1, settings.KmsKeyArn, t.Item2).ToJson()),
            },
            Child());

        var vending = new Function(
            $"{name}-vending",
            new FunctionArgs
            {
                Description = "Vends short-lived Momento tokens to browsers.",
                Role = vendingRole.Arn,
                Runtime = DotnetRuntime,
                Architectures = new[] { Arm64 },
                Handler = FunctionEnvironment.VendingHandler,
                Code = args.VendingCode,
                MemorySize = 512,
                Timeout = 10,
                Environment = new FunctionEnvironmentArgs
                {
                    Variables = secret.Arn.Apply(arn => FunctionVariables.Vending(settings, arn).ToImmutableDictionary()),
                },
                LoggingConfig = new FunctionLoggingConfigArgs { LogFormat = "JSON", LogGroup = vendingLogs.Name },
            },
            new CustomResourceOptions { Parent = this, DependsOn = { vendingPolicy } });

        // One rotation at a time: reserved concurrency 1 serializes Secrets Manager and manual invocations.
        var refresh = new Function(
            $"{name}-refresh",
            new FunctionArgs
            {
                Description = "Refreshes the Momento key in Secrets Manager (rotation function).",
                Role = refreshRole.Arn,
                Runtime = DotnetRuntime,
                Architectures = new[] { Arm64 },
                Handler = FunctionEnvironment.RefreshHandler,
                Code = args.RefreshCode,
                MemorySize = 256,
                Timeout = 60,
                ReservedConcurrentExecutions = 1,
                Environment = new FunctionEnvironmentArgs
                {
                    Variables = secret.Arn.Apply(arn => FunctionVariables.Refresh(arn).ToImmutableDictionary()),
                },
                LoggingConfig = new FunctionLoggingConfigArgs { LogFormat = "JSON", LogGroup = refreshLogs.Name },
            },
            new CustomResourceOptions { Parent = this, DependsOn = { refreshPolicy } });

        if (args.Rotation.Enabled)
        {
            // Secrets Manager may invoke the refresher for this secret only.
            var rotationInvoke = new Permission(
                $"{name}-rotation-invoke",
                new PermissionArgs
                {
                    Action = "lambda:InvokeFunction",
                    Function = refresh.Name,
                    Principal = "secretsmanager.amazonaws.com",
                    SourceArn = secret.Arn,
                },
                Child());

            // Rotates once at creation (validating the whole chain), then on the schedule.
            _ = new SecretRotation(
                $"{name}-rotation",
                new SecretRotationArgs
                {
                    SecretId = secret.Arn,
                    RotationLambdaArn = refresh.Arn,
                    RotationRules = new SecretRotationRotationRulesArgs { ScheduleExpression = settings.RotationSchedule.Expression },
                    RotateImmediately = true,
                },
                new CustomResourceOptions { Parent = this, DependsOn = { seed, rotationInvoke, refreshPolicy } });
        }

        // CORS lives here, not in the handler: API Gateway answers preflights and adds the headers to every response.
        var api = new Api(
            $"{name}-api",
            new ApiArgs
            {
                ProtocolType = "HTTP",
                Description = "Momento token vending",
                CorsConfiguration = new ApiCorsConfigurationArgs
                {
                    AllowOrigins = settings.AllowedOrigins.ToArray(),
                    AllowMethods = new[] { "GET" },
                    ExposeHeaders = new[] { "retry-after" },
                    MaxAge = 3600,
                },
            },
            Child());

        var integration = new Integration(
            $"{name}-vending-integration",
            new IntegrationArgs
            {
                ApiId = api.Id,
                IntegrationType = "AWS_PROXY",
                IntegrationMethod = "POST",
                IntegrationUri = vending.Arn,
                PayloadFormatVersion = "2.0",
            },
            Child());

        _ = new Route(
            $"{name}-vending-route",
            new RouteArgs
            {
                ApiId = api.Id,
                RouteKey = settings.RouteKey,
                Target = Output.Format($"integrations/{integration.Id}"),
            },
            Child());

        _ = new Stage(
            $"{name}-stage",
            new StageArgs
            {
                ApiId = api.Id,
                Name = "$default",
                AutoDeploy = true,
                DefaultRouteSettings = new StageDefaultRouteSettingsArgs
                {
                    ThrottlingRateLimit = settings.ThrottleRate,
                    ThrottlingBurstLimit = settings.ThrottleBurst,
                },
                AccessLogSettings = new StageAccessLogSettingsArgs
                {
                    DestinationArn = apiLogs.Arn,
                    Format = StackMonitoring.AccessLogFormat,
                },
            },
            Child());

        // API Gateway may invoke the vending function through this API's GET route only.
        _ = new Permission(
            $"{name}-api-invoke",
            new PermissionArgs
            {
                Action = "lambda:InvokeFunction",
                Function = vending.Name,
                Principal = "apigateway.amazonaws.com",
                SourceArn = Output.Format($"{api.ExecutionArn}/*/GET{settings.VendingRoute}"),
            },
            Child());

        DeclareAlarms(name, settings, secret, refresh, api);

        foreach (var warning in args.Rotation.Warnings)
        {
            Log.Warn(warning, this);
        }

        Outputs = new Dictionary<string, object?>
        {
            ["vendingUrl"] = Output.Format($"{api.ApiEndpoint}{settings.VendingRoute}"),
            ["secretArn"] = secret.Arn,
            ["secretName"] = secret.Name,
            ["refresherFunctionName"] = refresh.Name,
            ["rotateNowCommand"] = secret.Arn.Apply(arn => StackCommands.RotateNow(arn)),
            ["invokeRefresherCommand"] = Output.Tuple(refresh.Name, secret.Arn).Apply(t => StackCommands.InvokeRefresher(t.Item1, t.Item2)),
        };
        RegisterOutputs(Outputs);
    }

    /// <summary>
    /// The stack outputs: <c>vendingUrl</c> (browsers <c>GET</c> it for <c>{token, exp}</c>), <c>secretArn</c>,
    /// <c>secretName</c>, <c>refresherFunctionName</c>, and the AWS CLI commands <c>rotateNowCommand</c> and
    /// <c>invokeRefresherCommand</c>.
    /// </summary>
    public IDictionary<string, object?> Outputs { get; }

    // Options objects are mutable: each child gets its own.
    private CustomResourceOptions Child() => new() { Parent = this };

    private void DeclareAlarms(string name, StackSettings settings, Secret secret, Function refresh, Api api)
    {
        // Alarms always notify this topic; the e-mail subscription is optional (AWS asks the address to confirm).
        var topic = new Topic($"{name}-alarms", new TopicArgs(), Child());
        if (settings.AlarmEmail is { } email)
        {
            _ = new TopicSubscription(
                $"{name}-alarm-email",
                new TopicSubscriptionArgs { Topic = topic.Arn, Protocol = "email", Endpoint = email },
                Child());
        }

        _ = new MetricAlarm(
            $"{name}-refresh-errors",
            new MetricAlarmArgs
            {
                AlarmDescription = "The Momento key refresh function failed.",
                Namespace = "AWS/Lambda",
                MetricName = "Errors",
                Dimensions = { { "FunctionName", refresh.Name } },
                Statistic = "Sum",
                Period = 300,
                EvaluationPeriods = 1,
                Threshold = 1,
                ComparisonOperator = "GreaterThanOrEqualToThreshold",
                TreatMissingData = "notBreaching",
                AlarmActions = { topic.Arn },
            },
            Child());

        // Secrets Manager reports failed rotations as events, not metrics: a rule counts them for the alarm.
        var rotationFailed = new EventRule(
            $"{name}-rotation-failed",
            new EventRuleArgs
            {
                Description = "Secrets Manager could not rotate the Momento key.",
                EventPattern = secret.Arn.Apply(arn => StackMonitoring.RotationFailedPattern(arn)),
            },
            Child());

        _ = new MetricAlarm(
            $"{name}-rotation-failures",
            new MetricAlarmArgs
            {
                AlarmDescription = "A Secrets Manager rotation of the Momento key failed or was abandoned.",
                Namespace = "AWS/Events",
                MetricName = "TriggeredRules",
                Dimensions = { { "RuleName", rotationFailed.Name } },
                Statistic = "Sum",
                Period = 300,
                EvaluationPeriods = 1,
                Threshold = 1,
                ComparisonOperator = "GreaterThanOrEqualToThreshold",
                TreatMissingData = "notBreaching",
                AlarmActions = { topic.Arn },
            },
            Child());

        // The average of the HTTP API's 5xx metric is the share of requests that failed.
        _ = new MetricAlarm(
            $"{name}-vending-5xx",
            new MetricAlarmArgs
            {
                AlarmDescription = "More than 5% of token requests failed with a 5xx.",
                Namespace = "AWS/ApiGateway",
                MetricName = "5xx",
                Dimensions = { { "ApiId", api.Id } },
                Statistic = "Average",
                Period = 300,
                EvaluationPeriods = 2,
                DatapointsToAlarm = 2,
                Threshold = 0.05,
                ComparisonOperator = "GreaterThanThreshold",
                TreatMissingData = "notBreaching",
                AlarmActions = { topic.Arn },
            },
            Child());
    }
}
