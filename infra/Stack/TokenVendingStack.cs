using System.Collections.Immutable;
using MomentoTokenVending.Core;
using MomentoTokenVending.Infra.Planning;
using Pulumi;
using Pulumi.Aws.ApiGatewayV2;
using Pulumi.Aws.ApiGatewayV2.Inputs;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Lambda.Inputs;
using Pulumi.Aws.SecretsManager;
using Pulumi.Aws.SecretsManager.Inputs;
using Pulumi.Aws.Sns;
// Core.Rotation also has a SecretVersion; only its metric names are needed here.
using KeyLifeMetric = MomentoTokenVending.Core.Rotation.KeyLifeMetric;

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

        // Protected, like its seed version: neither may be replaced or deleted by an update (see README, "Teardown").
        var secret = new Secret($"{name}-secret", secretArgs, new CustomResourceOptions { Parent = this, Protect = true });

        // Seeded once, from the token file at the first deploy. Later runs must not write the stale value back once
        // rotation has moved AWSCURRENT on, and the extra label keeps AWS from deleting this version. Later runs
        // declare it with the last deployment's own value and only the SEEDED label: were the version ever created
        // again, it would hold the real seed and leave AWSCURRENT where rotation put it.
        var seed = new SecretVersion(
            $"{name}-seed",
            new SecretVersionArgs
            {
                SecretId = secret.Arn,
                SecretString = args.SeedSecretString,
                VersionStages = args.Seed is SeedFromTokenFile
                    ? new InputList<string> { SecretStages.Current, SecretStages.Seeded }
                    : new InputList<string> { SecretStages.Seeded },
            },
            new CustomResourceOptions { Parent = this, Protect = true, IgnoreChanges = { "secretString", "versionStages" } });

        // Vending reads the secret; nothing else.
        var (vending, _) = DeclareFunction(
            $"{name}-vending",
            secret.Arn,
            settings.LogRetentionDays,
            new FunctionSpec(
                "Vends short-lived Momento tokens to browsers.",
                FunctionEnvironment.VendingHandler,
                args.VendingCode,
                MemorySize: 512,
                Timeout: 10,
                ReservedConcurrency: null,
                (secretArn, logGroupArn) => StackPolicies.Vending(secretArn, settings.KmsKeyArn, logGroupArn),
                secretArn => FunctionVariables.Vending(settings, secretArn),
                settings.SnapStart));

        // With SnapStart, only a published version runs from a snapshot: API Gateway invokes it through an alias
        // that follows each new version. Without it, the function itself ($LATEST).
        var vendingTarget = settings.SnapStart ? Live(name, vending) : null;

        // Refresh runs the rotation steps on this one secret; reserved concurrency 1 keeps two rotations
        // (scheduled and manual) from ever running at once.
        var (refresh, refreshPolicy) = DeclareFunction(
            $"{name}-refresh",
            secret.Arn,
            settings.LogRetentionDays,
            new FunctionSpec(
                "Refreshes the Momento key in Secrets Manager (rotation function).",
                FunctionEnvironment.RefreshHandler,
                args.RefreshCode,
                MemorySize: 256,
                Timeout: 60,
                ReservedConcurrency: 1,
                (secretArn, logGroupArn) => StackPolicies.Refresh(secretArn, settings.KmsKeyArn, logGroupArn),
                FunctionVariables.Refresh));

        var apiLogs = new LogGroup($"{name}-api-logs", new LogGroupArgs { RetentionInDays = settings.LogRetentionDays }, Child());

        if (args.Seed.Rotation.Enabled)
        {
            // Secrets Manager may invoke the refresher for this secret only.
            var rotationInvoke = new Permission($"{name}-rotation-invoke", InvokePermission(refresh, "secretsmanager.amazonaws.com", secret.Arn), Child());

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
                    AllowMethods = { "GET" },
                    ExposeHeaders = { "retry-after" },
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
                IntegrationUri = vendingTarget?.Arn ?? vending.Arn,
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
        var apiInvoke = InvokePermission(
            vending,
            "apigateway.amazonaws.com",
            Output.Format($"{api.ExecutionArn}/*/GET{settings.VendingRoute}"));
        if (vendingTarget is not null)
        {
            apiInvoke.Qualifier = vendingTarget.Name;
        }

        _ = new Permission($"{name}-api-invoke", apiInvoke, Child());

        DeclareKeyCheck(name, refresh);
        DeclareAlarms(name, settings, secret, refresh, api);

        foreach (var warning in args.Warnings)
        {
            Log.Warn(warning, this);
        }

        Outputs = new Dictionary<string, object?>
        {
            [StackOutputNames.VendingUrl] = Output.Format($"{api.ApiEndpoint}{settings.VendingRoute}"),
            [StackOutputNames.SecretArn] = secret.Arn,
            [StackOutputNames.SecretName] = secret.Name,
            [StackOutputNames.RefresherFunctionName] = refresh.Name,
            [StackOutputNames.RotateNowCommand] = secret.Arn.Apply(arn => StackCommands.RotateNow(arn)),
            [StackOutputNames.InvokeRefresherCommand] = Output.Tuple(refresh.Name, secret.Arn).Apply(t => StackCommands.InvokeRefresher(t.Item1, t.Item2)),
            [StackOutputNames.CheckKeyCommand] = Output.Tuple(refresh.Name, secret.Arn).Apply(t => StackCommands.CheckKey(t.Item1, t.Item2)),

            // Read back by the next run (see LastDeploymentReader), so it needs no token file.
            [StackOutputNames.RotationEnabled] = args.Seed.Rotation.Enabled,
            [StackOutputNames.SeedSecretString] = args.SeedSecretString,
        };
        RegisterOutputs(Outputs);
    }

    /// <summary>
    /// The stack outputs (names in <see cref="StackOutputNames"/>): <c>vendingUrl</c> (browsers <c>GET</c> it for
    /// <c>{token, exp}</c>), <c>secretArn</c>, <c>secretName</c>, <c>refresherFunctionName</c>, the AWS CLI commands
    /// <c>rotateNowCommand</c>, <c>invokeRefresherCommand</c> and <c>checkKeyCommand</c>, and what the next run reads
    /// back: <c>rotationEnabled</c> and <c>seedSecretString</c> (a Pulumi secret).
    /// </summary>
    public IDictionary<string, object?> Outputs { get; }

    // A function with its own log group (explicit, so retention is ours and the role can be limited to it),
    // role and inline policy; the function waits for the policy so its first invocation is allowed.
    private (Function Function, RolePolicy Policy) DeclareFunction(string name, Output<string> secretArn, int logRetentionDays, FunctionSpec spec)
    {
        var logs = new LogGroup($"{name}-logs", new LogGroupArgs { RetentionInDays = logRetentionDays }, Child());
        var role = new Role($"{name}-role", new RoleArgs { AssumeRolePolicy = StackPolicies.LambdaAssumeRole().ToJson() }, Child());
        var policy = new RolePolicy(
            $"{name}-policy",
            new RolePolicyArgs
            {
                Role = role.Name,
                Policy = Output.Tuple(secretArn, logs.Arn).Apply(t => spec.Policy(t.Item1, t.Item2).ToJson()),
            },
            Child());

        var functionArgs = new FunctionArgs
        {
            Description = spec.Description,
            Role = role.Arn,
            Runtime = DotnetRuntime,
            Architectures = { Arm64 },
            Handler = spec.Handler,
            Code = spec.Code,
            MemorySize = spec.MemorySize,
            Timeout = spec.Timeout,
            Environment = new FunctionEnvironmentArgs
            {
                Variables = secretArn.Apply(arn => spec.Variables(arn).ToImmutableDictionary()),
            },
            LoggingConfig = new FunctionLoggingConfigArgs { LogFormat = "JSON", LogGroup = logs.Name },
        };
        if (spec.ReservedConcurrency is { } reserved)
        {
            functionArgs.ReservedConcurrentExecutions = reserved;
        }

        if (spec.SnapStart)
        {
            functionArgs.Publish = true;
            functionArgs.SnapStart = new FunctionSnapStartArgs { ApplyOn = "PublishedVersions" };
        }

        var function = new Function(name, functionArgs, new CustomResourceOptions { Parent = this, DependsOn = { policy } });
        return (function, policy);
    }

    private static PermissionArgs InvokePermission(Function function, string principal, Output<string> sourceArn) =>
        new()
        {
            Action = "lambda:InvokeFunction",
            Function = function.Name,
            Principal = principal,
            SourceArn = sourceArn,
        };

    // The alias API Gateway invokes when SnapStart is on; each deploy that changes the function publishes a version and moves it.
    private Pulumi.Aws.Lambda.Alias Live(string name, Function vending) =>
        new(
            $"{name}-vending-live",
            new AliasArgs
            {
                Name = "live",
                Description = "The published version API Gateway invokes (SnapStart).",
                FunctionName = vending.Name,
                FunctionVersion = vending.Version,
            },
            Child());

    // Options objects are mutable: each child gets its own.
    private CustomResourceOptions Child() => new() { Parent = this };

    // The daily key check, sent whether or not rotation is on. A scheduled rule needs no role of its own: the
    // function's resource policy lets EventBridge invoke it for this rule only.
    private void DeclareKeyCheck(string name, Function refresh)
    {
        var schedule = new EventRule(
            $"{name}-key-check",
            new EventRuleArgs
            {
                Description = "Daily check of the Momento key: reports how long it stays valid, changes nothing.",
                ScheduleExpression = StackMonitoring.KeyCheckSchedule,
            },
            Child());

        var invoke = new Permission($"{name}-key-check-invoke", InvokePermission(refresh, "events.amazonaws.com", schedule.Arn), Child());

        _ = new EventTarget(
            $"{name}-key-check-target",
            new EventTargetArgs { Rule = schedule.Name, Arn = refresh.Arn, Input = StackMonitoring.KeyCheckInput },
            new CustomResourceOptions { Parent = this, DependsOn = { invoke } });
    }

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

        var refreshErrors = new MetricAlarm(
            $"{name}-refresh-errors",
            CountAlarm("The Momento key refresh function failed.", "AWS/Lambda", "Errors", ("FunctionName", refresh.Name), topic.Arn),
            Child());

        // The refresh function reports the key's remaining hours after every run and at the daily check. The
        // hour's highest report counts, so a rotation ends the alarm at once; with no report the alarm keeps its state.
        var keyExpiryArgs = KeyLifeAlarm(
            $"The Momento key in the secret is valid for less than {settings.KeyExpiryWarningHours} hours: rotate it or re-seed the secret before it expires.",
            secret.Arn,
            topic.Arn);
        keyExpiryArgs.Statistic = "Maximum";
        keyExpiryArgs.EvaluationPeriods = 1;
        keyExpiryArgs.Threshold = settings.KeyExpiryWarningHours;
        keyExpiryArgs.ComparisonOperator = "LessThanThreshold";
        keyExpiryArgs.TreatMissingData = "ignore";
        var keyExpiry = new MetricAlarm($"{name}-key-expiry", keyExpiryArgs, Child());

        // The watchdog of the watchdog: no report for two days means the daily check itself no longer runs.
        var keyUnreportedArgs = KeyLifeAlarm(
            "The Momento key's remaining life has not been reported for two days: the daily key check no longer runs or fails.",
            secret.Arn,
            topic.Arn);
        keyUnreportedArgs.Statistic = "SampleCount";
        keyUnreportedArgs.EvaluationPeriods = StackMonitoring.KeyLifeWatchdogPeriods;
        keyUnreportedArgs.DatapointsToAlarm = StackMonitoring.KeyLifeWatchdogPeriods;
        keyUnreportedArgs.Threshold = 1;
        keyUnreportedArgs.ComparisonOperator = "LessThanThreshold";
        keyUnreportedArgs.TreatMissingData = "breaching";
        var keyUnreported = new MetricAlarm($"{name}-key-unreported", keyUnreportedArgs, Child());

        // The average of the HTTP API's 5xx metric is the share of requests that failed.
        var vending5xxArgs = CountAlarm("More than 5% of token requests failed with a 5xx.", "AWS/ApiGateway", "5xx", ("ApiId", api.Id), topic.Arn);
        vending5xxArgs.Statistic = "Average";
        vending5xxArgs.EvaluationPeriods = 2;
        vending5xxArgs.DatapointsToAlarm = 2;
        vending5xxArgs.Threshold = 0.05;
        vending5xxArgs.ComparisonOperator = "GreaterThanThreshold";
        var vending5xx = new MetricAlarm($"{name}-vending-5xx", vending5xxArgs, Child());

        // Secrets Manager reports failed rotations as events, not metrics: this rule sends them to the topic.
        var rotationFailed = new EventRule(
            $"{name}-rotation-failed",
            new EventRuleArgs
            {
                Description = "Secrets Manager could not rotate the Momento key.",
                EventPattern = secret.Arn.Apply(arn => StackMonitoring.RotationFailedPattern(arn)),
            },
            Child());

        // The topic's own policy replaces its default one, so it names the alarms as well as the rule.
        var topicPolicy = new TopicPolicy(
            $"{name}-alarms-policy",
            new TopicPolicyArgs
            {
                Arn = topic.Arn,
                Policy = Output.Tuple(topic.Arn, rotationFailed.Arn, Output.All(refreshErrors.Arn, keyExpiry.Arn, keyUnreported.Arn, vending5xx.Arn))
                    .Apply(t => StackMonitoring.AlarmTopicPolicy(t.Item1, t.Item2, t.Item3).ToJson()),
            },
            Child());

        // Each failure becomes one readable notification: the secret, the event and when; the event carries no secret value.
        _ = new EventTarget(
            $"{name}-rotation-failed-notify",
            new EventTargetArgs
            {
                Rule = rotationFailed.Name,
                Arn = topic.Arn,
                InputTransformer = new EventTargetInputTransformerArgs
                {
                    InputPaths = new Dictionary<string, string>(StackMonitoring.RotationFailedInputPaths, StringComparer.Ordinal),
                    InputTemplate = StackMonitoring.RotationFailedInputTemplate,
                },
            },
            new CustomResourceOptions { Parent = this, DependsOn = { topicPolicy } });
    }

    // An alarm on the refresh function's key-life metric (KeyLifeMetric) for this secret, judged hour by hour.
    private static MetricAlarmArgs KeyLifeAlarm(string description, Output<string> secretArn, Output<string> topicArn)
    {
        var args = CountAlarm(description, KeyLifeMetric.Namespace, KeyLifeMetric.MetricName, (KeyLifeMetric.DimensionName, secretArn), topicArn);
        args.Period = (int)StackMonitoring.KeyLifeAlarmPeriod.TotalSeconds;
        return args;
    }

    // An alarm that fires when the metric's sum reaches 1 in a 5-minute period; no data means all is well.
    private static MetricAlarmArgs CountAlarm(
        string description,
        string metricNamespace,
        string metricName,
        (string Name, Output<string> Value) dimension,
        Output<string> topicArn) =>
        new()
        {
            AlarmDescription = description,
            Namespace = metricNamespace,
            MetricName = metricName,
            Dimensions = { { dimension.Name, dimension.Value } },
            Statistic = "Sum",
            Period = 300,
            EvaluationPeriods = 1,
            Threshold = 1,
            ComparisonOperator = "GreaterThanOrEqualToThreshold",
            TreatMissingData = "notBreaching",
            AlarmActions = { topicArn },
        };
}
