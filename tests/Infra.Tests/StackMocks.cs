using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace MomentoTokenVending.Infra.Tests;

/// <summary>Answers every resource with its inputs plus the outputs AWS would compute, and remembers what was registered.</summary>
internal sealed class StackMocks : IMocks
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string StackReferenceType = "pulumi:pulumi:StackReference";

    private readonly ConcurrentQueue<RegisteredResource> _registered = new();

    public IReadOnlyList<RegisteredResource> Registered => _registered.ToArray();

    /// <summary>The outputs of the stack's last deployment, as its stack reference to itself reads them; none by default.</summary>
    public Dictionary<string, object> LastOutputs { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which of <see cref="LastOutputs"/> are secrets.</summary>
    public string[] LastSecretOutputNames { get; set; } = [];

    /// <summary>The resources the program declared, without its read of the stack's own outputs.</summary>
    public IEnumerable<RegisteredResource> Declared => Registered.Where(r => r.Type != StackReferenceType);

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var name = args.Name ?? "unnamed";
        var type = args.Type ?? string.Empty;
        _registered.Enqueue(new RegisteredResource(type, name, args.Inputs));

        var state = args.Inputs.ToBuilder();
        var physicalName = $"{name}-1a2b3c";
        switch (type)
        {
            case StackReferenceType:
                state["outputs"] = LastOutputs.ToImmutableDictionary();
                state["secretOutputNames"] = LastSecretOutputNames.ToImmutableArray();
                break;
            case "aws:secretsmanager/secret:Secret":
                state["arn"] = $"arn:aws:secretsmanager:{Region}:{Account}:secret:{physicalName}-AbCdEf";
                state["name"] = physicalName;
                break;
            case "aws:lambda/function:Function":
                state["arn"] = $"arn:aws:lambda:{Region}:{Account}:function:{physicalName}";
                state["name"] = physicalName;
                state["version"] = args.Inputs.TryGetValue("publish", out var publish) && publish is true ? "7" : "$LATEST";
                break;
            case "aws:lambda/alias:Alias":
                state["arn"] = $"arn:aws:lambda:{Region}:{Account}:function:{args.Inputs["functionName"]}:{args.Inputs["name"]}";
                break;
            case "aws:iam/role:Role":
                state["arn"] = $"arn:aws:iam::{Account}:role/{physicalName}";
                state["name"] = physicalName;
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                state["arn"] = $"arn:aws:logs:{Region}:{Account}:log-group:{physicalName}";
                state["name"] = physicalName;
                break;
            case "aws:apigatewayv2/api:Api":
                state["apiEndpoint"] = $"https://{physicalName}.execute-api.{Region}.amazonaws.com";
                state["executionArn"] = $"arn:aws:execute-api:{Region}:{Account}:{physicalName}";
                break;
            case "aws:sns/topic:Topic":
                state["arn"] = $"arn:aws:sns:{Region}:{Account}:{physicalName}";
                break;
            case "aws:cloudwatch/eventRule:EventRule":
                state["arn"] = $"arn:aws:events:{Region}:{Account}:rule/{physicalName}";
                state["name"] = physicalName;
                break;
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                state["arn"] = $"arn:aws:cloudwatch:{Region}:{Account}:alarm:{physicalName}";
                break;
        }

        return Task.FromResult<(string? id, object state)>(($"{physicalName}-id", state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) =>
        throw new InvalidOperationException($"The stack makes no provider calls, but called {args.Token}.");
}

/// <summary>One resource as the engine received it: its type token, logical name and inputs.</summary>
internal sealed record RegisteredResource(string Type, string Name, ImmutableDictionary<string, object> Inputs);
