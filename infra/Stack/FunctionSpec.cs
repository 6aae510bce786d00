using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra;

/// <summary>What differs between the two functions.</summary>
/// <param name="Description">Lambda description.</param>
/// <param name="Handler">Lambda handler string.</param>
/// <param name="Code">The published function.</param>
/// <param name="MemorySize">Memory, MB.</param>
/// <param name="Timeout">Timeout, seconds.</param>
/// <param name="ReservedConcurrency">Reserved concurrency, or <see langword="null"/> for none.</param>
/// <param name="Policy">The role's policy from the secret's and the log group's ARNs.</param>
/// <param name="Variables">The environment from the secret's ARN.</param>
/// <param name="SnapStart">Whether Lambda publishes a version with a SnapStart snapshot at each code or configuration change.</param>
internal sealed record FunctionSpec(
    string Description,
    string Handler,
    Archive Code,
    int MemorySize,
    int Timeout,
    int? ReservedConcurrency,
    Func<string, string, PolicyDocument> Policy,
    Func<string, IReadOnlyDictionary<string, string>> Variables,
    bool SnapStart = false);
