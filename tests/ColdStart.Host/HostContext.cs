using System.Diagnostics;
using Amazon.Lambda.Core;

namespace MomentoTokenVending.ColdStart.Host;

/// <summary>The context Lambda hands the handler for one invocation, its deadline the function's timeout from now.</summary>
internal sealed class HostContext(ILambdaLogger logger) : ILambdaContext
{
    private readonly long started = Stopwatch.GetTimestamp();

    public string AwsRequestId { get; } = Guid.NewGuid().ToString();

    public IClientContext ClientContext => null!;

    public string FunctionName => "token-vending";

    public string FunctionVersion => "$LATEST";

    public ICognitoIdentity Identity => null!;

    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:000000000000:function:token-vending";

    public ILambdaLogger Logger => logger;

    public string LogGroupName => "/aws/lambda/token-vending";

    public string LogStreamName => "cold-start-host";

    public int MemoryLimitInMB => HostEnvironment.FunctionMemoryMb;

    public TimeSpan RemainingTime => HostEnvironment.FunctionTimeout - Stopwatch.GetElapsedTime(started);
}
