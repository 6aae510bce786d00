using System.Text.Json;
using MomentoTokenVending.Core;
using MomentoTokenVending.Infra.Planning;
using Pulumi;
using static MomentoTokenVending.Infra.Tests.StackRun;

namespace MomentoTokenVending.Infra.Tests;

[Collection(PulumiDeployments.Name)]
public sealed class TokenVendingStackTests : IDisposable
{
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-vending-secret-1a2b3c-AbCdEf";
    private const string VendingArn = "arn:aws:lambda:us-east-1:123456789012:function:token-vending-vending-1a2b3c";
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:token-vending-alarms-1a2b3c";
    private const string RefreshArn = "arn:aws:lambda:us-east-1:123456789012:function:token-vending-refresh-1a2b3c";
    private readonly StackRunBuilder _builder = new();

    public void Dispose() => _builder.Dispose();

    [Fact]
    public async Task Deploy_Defaults_DeclaresEveryResourceOnce()
    {
        var run = await _builder.DeployAsync();

        var types = run.Registered.Select(r => r.Type).Where(t => t.StartsWith("aws:", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(
            new[]
            {
                "aws:apigatewayv2/api:Api",
                "aws:apigatewayv2/integration:Integration",
                "aws:apigatewayv2/route:Route",
                "aws:apigatewayv2/stage:Stage",
                "aws:cloudwatch/eventRule:EventRule",
                "aws:cloudwatch/eventRule:EventRule",
                "aws:cloudwatch/eventTarget:EventTarget",
                "aws:cloudwatch/eventTarget:EventTarget",
                "aws:cloudwatch/logGroup:LogGroup",
                "aws:cloudwatch/logGroup:LogGroup",
                "aws:cloudwatch/logGroup:LogGroup",
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "aws:cloudwatch/metricAlarm:MetricAlarm",
                "aws:iam/role:Role",
                "aws:iam/role:Role",
                "aws:iam/rolePolicy:RolePolicy",
                "aws:iam/rolePolicy:RolePolicy",
                "aws:lambda/function:Function",
                "aws:lambda/function:Function",
                "aws:lambda/permission:Permission",
                "aws:lambda/permission:Permission",
                "aws:lambda/permission:Permission",
                "aws:secretsmanager/secret:Secret",
                "aws:secretsmanager/secretRotation:SecretRotation",
                "aws:secretsmanager/secretVersion:SecretVersion",
                "aws:sns/topic:Topic",
                "aws:sns/topicPolicy:TopicPolicy",
            }.Order(),
            types);
        Assert.All(run.Registered.Where(r => r.Type.StartsWith("aws:", StringComparison.Ordinal)), r => Assert.StartsWith("token-vending-", r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deploy_Children_AllHaveTheComponentAsParent()
    {
        var run = await _builder.DeployAsync();

        var component = Assert.Single(run.Resources, r => r.GetResourceType() == "momento-token-vending:index:TokenVendingStack");
        var children = run.Options.Where(o => o.Key != StackProgram.ComponentName).Select(o => o.Value).ToList();
        Assert.Equal(run.Registered.Count(r => r.Type.StartsWith("aws:", StringComparison.Ordinal)), children.Count);
        Assert.All(children, o => Assert.Same(component, o.Parent));
    }

    [Fact]
    public async Task Deploy_Functions_AreDotnet10Arm64WithJsonLogsToTheirOwnGroups()
    {
        var run = await _builder.DeployAsync();

        foreach (var (name, handler) in new[] { ("vending", FunctionEnvironment.VendingHandler), ("refresh", FunctionEnvironment.RefreshHandler) })
        {
            var function = run.Single("aws:lambda/function:Function", name).Inputs;
            Assert.Equal("dotnet10", Text(function["runtime"]));
            Assert.Equal(["arm64"], Strings(function["architectures"]));
            Assert.Equal(handler, Text(function["handler"]));
            Assert.Equal($"arn:aws:iam::123456789012:role/token-vending-{name}-role-1a2b3c", Text(function["role"]));
            var logging = Map(function["loggingConfig"]);
            Assert.Equal("JSON", Text(logging["logFormat"]));
            Assert.Equal($"token-vending-{name}-logs-1a2b3c", Text(logging["logGroup"]));
        }
    }

    [Fact]
    public async Task Deploy_RefreshFunction_RunsOneAtATimeAndKnowsOnlyTheSecret()
    {
        var run = await _builder.DeployAsync();

        var refresh = run.Single("aws:lambda/function:Function", "refresh").Inputs;
        Assert.Equal(1, Number(refresh["reservedConcurrentExecutions"]));
        Assert.Equal(
            new Dictionary<string, object> { ["SECRET_ID"] = SecretArn },
            Map(Map(refresh["environment"])["variables"]));
    }

    [Fact]
    public async Task Deploy_VendingFunction_GetsEveryVendingSetting()
    {
        var run = await _builder
            .WithConfig("cacheName", "chat")
            .WithConfig("tokenScope", "publish-subscribe")
            .WithConfig("topicPrefix", "room-")
            .WithConfig("tokenLifetime", "30")
            .WithConfig("tokenReuse", "3")
            .WithConfig("keyCacheTtl", "2")
            .DeployAsync();

        var vending = run.Single("aws:lambda/function:Function", "vending").Inputs;
        Assert.False(vending.ContainsKey("reservedConcurrentExecutions"));
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["SECRET_ID"] = SecretArn,
                ["CACHE_NAME"] = "chat",
                ["TOKEN_SCOPE"] = "publish-subscribe",
                ["TOPIC_PREFIX"] = "room-",
                ["TOKEN_LIFETIME_MINUTES"] = "30",
                ["TOKEN_REUSE_MINUTES"] = "3",
                ["KEY_CACHE_TTL_MINUTES"] = "2",
                ["TOKEN_MEMORY_ENTRIES"] = "10000",
            },
            Map(Map(vending["environment"])["variables"]));
    }

    [Fact]
    public async Task Deploy_LogGroups_KeepTheConfiguredRetention()
    {
        var run = await _builder.WithConfig("logRetentionDays", "30").DeployAsync();

        var groups = run.OfType("aws:cloudwatch/logGroup:LogGroup").ToList();
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal(30, Number(g.Inputs["retentionInDays"])));
    }

    [Fact]
    public async Task Deploy_VendingPolicy_ReadsTheSecretAndWritesItsOwnLogsOnly()
    {
        var run = await _builder.DeployAsync();

        Assert.Equal(
            [
                "secretsmanager:GetSecretValue ON " + SecretArn,
                "logs:CreateLogStream logs:PutLogEvents ON arn:aws:logs:us-east-1:123456789012:log-group:token-vending-vending-logs-1a2b3c:*",
            ],
            Statements(run.Single("aws:iam/rolePolicy:RolePolicy", "vending-policy")));
    }

    [Fact]
    public async Task Deploy_RefreshPolicy_RotatesTheSecretAndWritesItsOwnLogsOnly()
    {
        var run = await _builder.DeployAsync();

        Assert.Equal(
            [
                "secretsmanager:DescribeSecret secretsmanager:GetSecretValue secretsmanager:PutSecretValue secretsmanager:UpdateSecretVersionStage ON " + SecretArn,
                "logs:CreateLogStream logs:PutLogEvents ON arn:aws:logs:us-east-1:123456789012:log-group:token-vending-refresh-logs-1a2b3c:*",
            ],
            Statements(run.Single("aws:iam/rolePolicy:RolePolicy", "refresh-policy")));
    }

    [Fact]
    public async Task Deploy_WithKmsKey_EncryptsTheSecretAndLetsBothRolesUseOnlyThatKey()
    {
        const string keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

        var run = await _builder.WithConfig("kmsKeyArn", keyArn).DeployAsync();

        Assert.Equal(keyArn, Text(run.Single("aws:secretsmanager/secret:Secret", "secret").Inputs["kmsKeyId"]));
        Assert.Contains("kms:Decrypt ON " + keyArn, Statements(run.Single("aws:iam/rolePolicy:RolePolicy", "vending-policy")));
        Assert.Contains("kms:Decrypt kms:GenerateDataKey ON " + keyArn, Statements(run.Single("aws:iam/rolePolicy:RolePolicy", "refresh-policy")));
    }

    [Fact]
    public async Task Deploy_WithoutKmsKey_UsesTheAwsManagedKey()
    {
        var run = await _builder.DeployAsync();

        Assert.False(run.Single("aws:secretsmanager/secret:Secret", "secret").Inputs.ContainsKey("kmsKeyId"));
    }

    [Fact]
    public async Task Deploy_Roles_TrustLambdaOnly()
    {
        var run = await _builder.DeployAsync();

        foreach (var role in run.OfType("aws:iam/role:Role"))
        {
            using var policy = JsonDocument.Parse(Text(role.Inputs["assumeRolePolicy"]));
            var statement = Assert.Single(policy.RootElement.GetProperty("Statement").EnumerateArray().ToList());
            Assert.Equal("lambda.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        }
    }

    [Fact]
    public async Task Deploy_SeededVersion_IgnoresLaterChangesAndKeepsItsOwnLabel()
    {
        var run = await _builder.DeployAsync();

        var seed = run.Single("aws:secretsmanager/secretVersion:SecretVersion", "seed").Inputs;
        Assert.Equal(SecretArn, Text(seed["secretId"]));
        Assert.Equal([SecretStages.Current, SecretStages.Seeded], Strings(seed["versionStages"]));
        Assert.Equal(["secretString", "versionStages"], run.Options["token-vending-seed"].IgnoreChanges);
    }

    [Fact]
    public async Task Deploy_SnapStartOff_ApiInvokesTheUnpublishedFunctionItself()
    {
        var run = await _builder.DeployAsync();

        var vending = run.Single("aws:lambda/function:Function", "vending").Inputs;
        Assert.False(vending.ContainsKey("snapStart"));
        Assert.False(vending.ContainsKey("publish"));
        Assert.Empty(run.OfType("aws:lambda/alias:Alias"));
        Assert.Equal(VendingArn, Text(run.Single("aws:apigatewayv2/integration:Integration", "vending-integration").Inputs["integrationUri"]));
        Assert.False(run.Single("aws:lambda/permission:Permission", "api-invoke").Inputs.ContainsKey("qualifier"));
    }

    [Fact]
    public async Task Deploy_SnapStartOn_PublishesWithSnapStartAndApiInvokesTheLiveAlias()
    {
        var run = await _builder.WithConfig("snapStart", "true").DeployAsync();

        var vending = run.Single("aws:lambda/function:Function", "vending").Inputs;
        Assert.Equal(true, vending["publish"]);
        Assert.Equal("PublishedVersions", Text(Map(vending["snapStart"])["applyOn"]));
        var alias = run.Single("aws:lambda/alias:Alias", "vending-live").Inputs;
        Assert.Equal("live", Text(alias["name"]));
        Assert.Equal("token-vending-vending-1a2b3c", Text(alias["functionName"]));
        Assert.Equal("7", Text(alias["functionVersion"]));
        Assert.Equal($"{VendingArn}:live", Text(run.Single("aws:apigatewayv2/integration:Integration", "vending-integration").Inputs["integrationUri"]));
        var invoke = run.Single("aws:lambda/permission:Permission", "api-invoke").Inputs;
        Assert.Equal("live", Text(invoke["qualifier"]));
        Assert.Equal("token-vending-vending-1a2b3c", Text(invoke["function"]));

        var refresh = run.Single("aws:lambda/function:Function", "refresh").Inputs;
        Assert.False(refresh.ContainsKey("snapStart"));
    }

    [Fact]
    public async Task Deploy_SecretAndSeedVersion_AreProtectedAgainstReplacementAndDeletion()
    {
        var run = await _builder.DeployAsync();

        Assert.True(run.IsProtected("secret"));
        Assert.True(run.IsProtected("seed"));
        Assert.False(run.IsProtected("vending"));
    }

    [Fact]
    public async Task Deploy_AfterADeploymentWithoutTokenFile_DeclaresTheSeedWithTheLastValueAndOnlyItsOwnLabel()
    {
        var run = await _builder.WithoutTokenFile().AfterADeployment().DeployAsync();

        var seed = run.Single("aws:secretsmanager/secretVersion:SecretVersion", "seed").Inputs;
        Assert.Equal(StackRunBuilder.LastSeedText, Text(seed["secretString"]));
        Assert.Equal([SecretStages.Seeded], Strings(seed["versionStages"]));
        Assert.Equal(["secretString", "versionStages"], run.Options["token-vending-seed"].IgnoreChanges);
        Assert.True(run.IsProtected("seed"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deploy_AfterADeployment_RotatesExactlyAsTheFirstDeployDecided(bool rotationEnabled)
    {
        // The file on disk has no refresh token: were it read, rotation would be off.
        var run = await _builder.WithoutRefreshToken().AfterADeployment(rotationEnabled).DeployAsync();

        Assert.Equal(rotationEnabled ? 1 : 0, run.OfType("aws:secretsmanager/secretRotation:SecretRotation").Count());
        Assert.Equal(rotationEnabled, run.Outputs[StackOutputNames.RotationEnabled]);
    }

    [Fact]
    public async Task Deploy_RefreshableKey_RotatesOnTheScheduleThroughTheRefresher()
    {
        var run = await _builder.WithConfig("rotationSchedule", "rate(12 hours)").DeployAsync();

        var rotation = run.Single("aws:secretsmanager/secretRotation:SecretRotation", "rotation").Inputs;
        Assert.Equal(SecretArn, Text(rotation["secretId"]));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:token-vending-refresh-1a2b3c", Text(rotation["rotationLambdaArn"]));
        Assert.Equal("rate(12 hours)", Text(Map(rotation["rotationRules"])["scheduleExpression"]));

        var invoke = run.Single("aws:lambda/permission:Permission", "rotation-invoke").Inputs;
        Assert.Equal("secretsmanager.amazonaws.com", Text(invoke["principal"]));
        Assert.Equal("lambda:InvokeFunction", Text(invoke["action"]));
        Assert.Equal("token-vending-refresh-1a2b3c", Text(invoke["function"]));
        Assert.Equal(SecretArn, Text(invoke["sourceArn"]));
    }

    [Fact]
    public async Task Deploy_NoRefreshToken_DeclaresNoRotationAndNoSecretsManagerInvoke()
    {
        var run = await _builder.WithoutRefreshToken().DeployAsync();

        Assert.Empty(run.OfType("aws:secretsmanager/secretRotation:SecretRotation"));
        Assert.DoesNotContain(run.OfType("aws:lambda/permission:Permission"), p => Text(p.Inputs["principal"]) == "secretsmanager.amazonaws.com");
        Assert.Single(run.OfType("aws:lambda/function:Function"), f => f.Name == "token-vending-refresh");
        Assert.Single(run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm"), a => a.Name == "token-vending-key-expiry");
        Assert.Single(run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm"), a => a.Name == "token-vending-key-unreported");
    }

    [Fact]
    public async Task Deploy_HttpApi_RoutesGetToTheVendingFunctionWithCorsAndThrottling()
    {
        var run = await _builder
            .WithConfig("vendingRoute", "/v1/token")
            .WithConfig("allowedOrigins", "https://app.example.com,http://localhost:3000")
            .WithConfig("throttleRate", "25")
            .WithConfig("throttleBurst", "50")
            .DeployAsync();

        var api = run.Single("aws:apigatewayv2/api:Api", "api").Inputs;
        Assert.Equal("HTTP", Text(api["protocolType"]));
        var cors = Map(api["corsConfiguration"]);
        Assert.Equal(["https://app.example.com", "http://localhost:3000"], Strings(cors["allowOrigins"]));
        Assert.Equal(["GET"], Strings(cors["allowMethods"]));
        Assert.Equal(["retry-after"], Strings(cors["exposeHeaders"]));

        var integration = run.Single("aws:apigatewayv2/integration:Integration", "vending-integration").Inputs;
        Assert.Equal("AWS_PROXY", Text(integration["integrationType"]));
        Assert.Equal("2.0", Text(integration["payloadFormatVersion"]));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:token-vending-vending-1a2b3c", Text(integration["integrationUri"]));

        var route = run.Single("aws:apigatewayv2/route:Route", "vending-route").Inputs;
        Assert.Equal("GET /v1/token", Text(route["routeKey"]));
        Assert.Equal("integrations/token-vending-vending-integration-1a2b3c-id", Text(route["target"]));

        var stage = run.Single("aws:apigatewayv2/stage:Stage", "stage").Inputs;
        Assert.Equal("$default", Text(stage["name"]));
        Assert.True((bool)stage["autoDeploy"]);
        var throttling = Map(stage["defaultRouteSettings"]);
        Assert.Equal(25, Number(throttling["throttlingRateLimit"]));
        Assert.Equal(50, Number(throttling["throttlingBurstLimit"]));
        var accessLog = Map(stage["accessLogSettings"]);
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:token-vending-api-logs-1a2b3c", Text(accessLog["destinationArn"]));
        Assert.Equal(StackMonitoring.AccessLogFormat, Text(accessLog["format"]));

        var invoke = run.Single("aws:lambda/permission:Permission", "api-invoke").Inputs;
        Assert.Equal("apigateway.amazonaws.com", Text(invoke["principal"]));
        Assert.Equal("token-vending-vending-1a2b3c", Text(invoke["function"]));
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:token-vending-api-1a2b3c/*/GET/v1/token", Text(invoke["sourceArn"]));
    }

    [Fact]
    public async Task Deploy_Alarms_WatchRefreshErrorsAndVending5xxWithoutTheTriggeredRulesCount()
    {
        var run = await _builder.DeployAsync();

        var refreshErrors = run.Single("aws:cloudwatch/metricAlarm:MetricAlarm", "refresh-errors").Inputs;
        Assert.Equal("AWS/Lambda", Text(refreshErrors["namespace"]));
        Assert.Equal("Errors", Text(refreshErrors["metricName"]));
        Assert.Equal("token-vending-refresh-1a2b3c", Text(Map(refreshErrors["dimensions"])["FunctionName"]));
        Assert.Equal([TopicArn], Strings(refreshErrors["alarmActions"]));

        var vending5xx = run.Single("aws:cloudwatch/metricAlarm:MetricAlarm", "vending-5xx").Inputs;
        Assert.Equal("AWS/ApiGateway", Text(vending5xx["namespace"]));
        Assert.Equal("5xx", Text(vending5xx["metricName"]));
        Assert.Equal("Average", Text(vending5xx["statistic"]));
        Assert.Equal("token-vending-api-1a2b3c-id", Text(Map(vending5xx["dimensions"])["ApiId"]));
        Assert.Equal([TopicArn], Strings(vending5xx["alarmActions"]));

        Assert.DoesNotContain(run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm"), a => Text(a.Inputs["namespace"]) == "AWS/Events");
    }

    [Theory]
    [InlineData(null, 72)]
    [InlineData("500", 500)]
    public async Task Deploy_KeyExpiryAlarm_FiresBelowTheWarningHoursOfTheSecretsKey(string? configured, double threshold)
    {
        if (configured is not null)
        {
            _builder.WithConfig("keyExpiryWarningHours", configured);
        }

        var run = await _builder.DeployAsync();

        var alarm = run.Single("aws:cloudwatch/metricAlarm:MetricAlarm", "key-expiry").Inputs;
        AssertKeyLifeMetric(alarm);
        Assert.Equal("Maximum", Text(alarm["statistic"]));
        Assert.Equal(3600, Number(alarm["period"]));
        Assert.Equal(1, Number(alarm["evaluationPeriods"]));
        Assert.Equal(threshold, Number(alarm["threshold"]));
        Assert.Equal("LessThanThreshold", Text(alarm["comparisonOperator"]));
        Assert.Equal("ignore", Text(alarm["treatMissingData"]));
        Assert.Contains($"less than {threshold} hours", Text(alarm["alarmDescription"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_KeyUnreportedAlarm_FiresAfterTwoDaysWithoutAReport()
    {
        var run = await _builder.DeployAsync();

        var alarm = run.Single("aws:cloudwatch/metricAlarm:MetricAlarm", "key-unreported").Inputs;
        AssertKeyLifeMetric(alarm);
        Assert.Equal("SampleCount", Text(alarm["statistic"]));
        Assert.Equal(3600, Number(alarm["period"]));
        Assert.Equal(48, Number(alarm["evaluationPeriods"]));
        Assert.Equal(48, Number(alarm["datapointsToAlarm"]));
        Assert.Equal(1, Number(alarm["threshold"]));
        Assert.Equal("LessThanThreshold", Text(alarm["comparisonOperator"]));
        Assert.Equal("breaching", Text(alarm["treatMissingData"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deploy_KeyCheck_InvokesTheRefresherDailyWithTheCheckEventThroughItsOwnPermission(bool withRefreshToken)
    {
        if (!withRefreshToken)
        {
            _builder.WithoutRefreshToken();
        }

        var run = await _builder.DeployAsync();

        var schedule = run.Single("aws:cloudwatch/eventRule:EventRule", "key-check").Inputs;
        Assert.Equal("rate(1 day)", Text(schedule["scheduleExpression"]));
        Assert.False(schedule.ContainsKey("eventPattern"));

        var target = run.Single("aws:cloudwatch/eventTarget:EventTarget", "key-check-target").Inputs;
        Assert.Equal("token-vending-key-check-1a2b3c", Text(target["rule"]));
        Assert.Equal(RefreshArn, Text(target["arn"]));
        Assert.Equal("""{"check":{}}""", Text(target["input"]));

        var invoke = run.Single("aws:lambda/permission:Permission", "key-check-invoke").Inputs;
        Assert.Equal("lambda:InvokeFunction", Text(invoke["action"]));
        Assert.Equal("events.amazonaws.com", Text(invoke["principal"]));
        Assert.Equal("token-vending-refresh-1a2b3c", Text(invoke["function"]));
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/token-vending-key-check-1a2b3c", Text(invoke["sourceArn"]));
        Assert.Single(run.OfType("aws:lambda/permission:Permission"), p => Text(p.Inputs["principal"]) == "events.amazonaws.com");
    }

    [Fact]
    public async Task Deploy_RotationFailures_GoToTheAlarmTopicAsAReadableMessage()
    {
        var run = await _builder.DeployAsync();

        var rule = run.Single("aws:cloudwatch/eventRule:EventRule", "rotation-failed").Inputs;
        Assert.Equal(StackMonitoring.RotationFailedPattern(SecretArn), Text(rule["eventPattern"]));

        var target = run.Single("aws:cloudwatch/eventTarget:EventTarget", "rotation-failed-notify").Inputs;
        Assert.Equal("token-vending-rotation-failed-1a2b3c", Text(target["rule"]));
        Assert.Equal(TopicArn, Text(target["arn"]));
        Assert.False(target.ContainsKey("input"));
        var transformer = Map(target["inputTransformer"]);
        Assert.Equal(StackMonitoring.RotationFailedInputTemplate, Text(transformer["inputTemplate"]));
        Assert.Equal(
            StackMonitoring.RotationFailedInputPaths.ToDictionary(p => p.Key, p => (object)p.Value),
            Map(transformer["inputPaths"]));
        Assert.Contains("<secret>", Text(transformer["inputTemplate"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_AlarmTopicPolicy_LetsEventBridgePublishForTheRotationRuleOnlyAndKeepsTheAlarms()
    {
        var run = await _builder.DeployAsync();

        var policy = run.Single("aws:sns/topicPolicy:TopicPolicy", "alarms-policy").Inputs;
        Assert.Equal(TopicArn, Text(policy["arn"]));
        using var document = JsonDocument.Parse(Text(policy["policy"]));
        var statements = document.RootElement.GetProperty("Statement").EnumerateArray()
            .ToDictionary(s => s.GetProperty("Principal").GetProperty("Service").GetString()!);
        Assert.Equal(["cloudwatch.amazonaws.com", "events.amazonaws.com"], statements.Keys.Order());

        var events = statements["events.amazonaws.com"];
        Assert.Equal(["sns:Publish"], events.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal([TopicArn], events.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(
            ["arn:aws:events:us-east-1:123456789012:rule/token-vending-rotation-failed-1a2b3c"],
            SourceArns(events));

        var alarmArns = run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm")
            .Select(a => $"arn:aws:cloudwatch:us-east-1:123456789012:alarm:{a.Name}-1a2b3c")
            .Order();
        Assert.Equal(alarmArns, SourceArns(statements["cloudwatch.amazonaws.com"]).Order());
        Assert.All(run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm"), a => Assert.Equal([TopicArn], Strings(a.Inputs["alarmActions"])));
    }

    [Fact]
    public async Task Deploy_AlarmEmail_SubscribesItToTheAlarmTopic()
    {
        var run = await _builder.WithConfig("alarmEmail", "ops@example.com").DeployAsync();

        var subscription = run.Single("aws:sns/topicSubscription:TopicSubscription", "alarm-email").Inputs;
        Assert.Equal("email", Text(subscription["protocol"]));
        Assert.Equal("ops@example.com", Text(subscription["endpoint"]));
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:token-vending-alarms-1a2b3c", Text(subscription["topic"]));
    }

    [Fact]
    public async Task Deploy_NoAlarmEmail_SubscribesNobody()
    {
        var run = await _builder.DeployAsync();

        Assert.Empty(run.OfType("aws:sns/topicSubscription:TopicSubscription"));
    }

    [Fact]
    public async Task Deploy_Outputs_AreTheUrlTheSecretTheRefresherAndTheCommands()
    {
        var run = await _builder.DeployAsync();

        Assert.Equal(
            ["checkKeyCommand", "invokeRefresherCommand", "refresherFunctionName", "rotateNowCommand", "rotationEnabled", "secretArn", "secretName", "seedSecretString", "vendingUrl"],
            run.Outputs.Keys.Order());
        Assert.Equal(true, run.Outputs["rotationEnabled"]);
        Assert.Equal("https://token-vending-api-1a2b3c.execute-api.us-east-1.amazonaws.com/token", await run.OutputAsync("vendingUrl"));
        Assert.Equal(SecretArn, await run.OutputAsync("secretArn"));
        Assert.Equal("token-vending-secret-1a2b3c", await run.OutputAsync("secretName"));
        Assert.Equal("token-vending-refresh-1a2b3c", await run.OutputAsync("refresherFunctionName"));
        Assert.Equal(StackCommands.RotateNow(SecretArn), await run.OutputAsync("rotateNowCommand"));
        Assert.Equal(StackCommands.InvokeRefresher("token-vending-refresh-1a2b3c", SecretArn), await run.OutputAsync("invokeRefresherCommand"));
        Assert.Equal(StackCommands.CheckKey("token-vending-refresh-1a2b3c", SecretArn), await run.OutputAsync("checkKeyCommand"));
        Assert.Contains("""--payload '{"check":{}}'""", await run.OutputAsync("checkKeyCommand"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_Outputs_NeverCarryTheKeyOrRefreshToken()
    {
        var run = await _builder.DeployAsync();

        foreach (var (name, value) in run.Outputs)
        {
            if (value is Output<string> output && !await Output.IsSecretAsync(output))
            {
                Assert.DoesNotContain(StackRunBuilder.RefreshTokenText, await run.OutputAsync(name), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Deploy_SeedOutput_IsTheSeedValueAsAPulumiSecret()
    {
        var run = await _builder.DeployAsync();

        var seed = (Output<string>)run.Outputs["seedSecretString"]!;
        Assert.True(await Output.IsSecretAsync(seed));
        Assert.Contains(StackRunBuilder.RefreshTokenText, await run.OutputAsync("seedSecretString"), StringComparison.Ordinal);
    }

    // The key-life alarms watch the refresh function's own metric for this stack's secret and notify the topic.
    private static void AssertKeyLifeMetric(System.Collections.Immutable.ImmutableDictionary<string, object> alarm)
    {
        Assert.Equal("MomentoTokenVending", Text(alarm["namespace"]));
        Assert.Equal("KeyHoursRemaining", Text(alarm["metricName"]));
        Assert.Equal(new Dictionary<string, object> { ["SecretId"] = SecretArn }, Map(alarm["dimensions"]));
        Assert.Equal([TopicArn], Strings(alarm["alarmActions"]));
    }

    private static IEnumerable<string?> SourceArns(JsonElement statement) =>
        statement.GetProperty("Condition").GetProperty("ArnEquals").GetProperty("aws:SourceArn").EnumerateArray().Select(a => a.GetString());

    // Each statement of a role policy as "actions ON resources".
    private static List<string> Statements(RegisteredResource rolePolicy)
    {
        using var policy = JsonDocument.Parse(Text(rolePolicy.Inputs["policy"]));
        return policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Select(s =>
            {
                Assert.Equal("Allow", s.GetProperty("Effect").GetString());
                var actions = s.GetProperty("Action").EnumerateArray().Select(a => a.GetString());
                var resources = s.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()).ToList();
                Assert.DoesNotContain("*", resources);
                return $"{string.Join(' ', actions)} ON {string.Join(' ', resources)}";
            })
            .ToList();
    }
}
