using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public enum FaultPhase
{
    Before,
    After,
}

/// <summary>Numbers every port and Momento call, and fails the one at <see cref="FaultAt"/> before or after it runs.</summary>
internal sealed class FaultInjector
{
    public int? FaultAt { get; set; }

    public FaultPhase Phase { get; set; }

    /// <summary>Calls whose name this matches fail every time, before they run.</summary>
    public Func<string, bool> AlwaysFails { get; set; } = _ => false;

    public List<string> Calls { get; } = [];

    public async Task<T> RunAsync<T>(string name, Func<Task<T>> call)
    {
        var hit = Calls.Count == FaultAt;
        Calls.Add(name);
        if ((hit && Phase == FaultPhase.Before) || AlwaysFails(name))
        {
            throw new InjectedFaultException($"fault before {name}");
        }

        var result = await call();
        return hit && Phase == FaultPhase.After ? throw new InjectedFaultException($"fault after {name}") : result;
    }

    public Task RunAsync(string name, Func<Task> call) =>
        RunAsync(name, async () =>
        {
            await call();
            return true;
        });
}

internal sealed class InjectedFaultException(string message) : Exception(message);

/// <summary>
/// An <see cref="ISecretVersions"/> whose every call goes through a <see cref="FaultInjector"/> and,
/// like the SDK, refuses to start once its cancellation token has fired.
/// </summary>
internal sealed class FaultyVersions(ISecretVersions inner, FaultInjector faults) : ISecretVersions
{
    public Task<SecretDescription> DescribeAsync(CancellationToken cancellationToken) =>
        faults.RunAsync("DescribeSecret", () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.DescribeAsync(cancellationToken);
        });

    public Task<SecretVersion?> GetByStageAsync(string stage, CancellationToken cancellationToken) =>
        faults.RunAsync($"GetSecretValue({stage})", () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.GetByStageAsync(stage, cancellationToken);
        });

    public Task<SecretVersion?> GetByIdAsync(string versionId, CancellationToken cancellationToken) =>
        faults.RunAsync("GetSecretValue(id)", () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.GetByIdAsync(versionId, cancellationToken);
        });

    public Task PutAsync(string versionId, string value, IReadOnlyCollection<string> stages, CancellationToken cancellationToken) =>
        faults.RunAsync("PutSecretValue", () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.PutAsync(versionId, value, stages, cancellationToken);
        });

    public Task MoveStageAsync(string stage, string toVersionId, string? fromVersionId, CancellationToken cancellationToken) =>
        faults.RunAsync($"UpdateSecretVersionStage({stage})", () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return inner.MoveStageAsync(stage, toVersionId, fromVersionId, cancellationToken);
        });
}
