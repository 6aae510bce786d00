namespace MomentoTokenVending.ColdStart.Host;

/// <summary>What the host reads from its environment besides the function's own variables, and what it says besides answers.</summary>
internal static class HostEnvironment
{
    /// <summary>The line a host writes on stdout once the function is constructed (Lambda's init), before any answer.</summary>
    public const string ReadyLine = "ready";

    /// <summary>
    /// What a host writes on stdout last, once stdin has ended, before the CPU time it has used (user and system, all
    /// threads) in milliseconds: a measure of work that others' load on the machine does not stretch as it does wall time.
    /// </summary>
    public const string CpuPrefix = "cpu-ms ";

    /// <summary>
    /// <c>127.0.0.1:port</c> of the Momento protocol server that Momento's clients dial instead of the key's endpoints;
    /// the cold-start benchmark's Node reference reads it too.
    /// </summary>
    public const string MomentoEndpoint = "MOMENTO_LOOPBACK_ENDPOINT";

    /// <summary>The vending function's timeout as the stack deploys it: what <see cref="HostContext.RemainingTime"/> counts down from.</summary>
    public static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The vending function's memory as the stack deploys it, MB.</summary>
    public const int FunctionMemoryMb = 512;
}
