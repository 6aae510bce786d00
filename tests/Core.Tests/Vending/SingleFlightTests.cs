using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class SingleFlightTests
{
    private readonly SingleFlight<int> sut = new();

    [Fact]
    public async Task RunAsync_SecondCallerWhileRunning_SharesTheFirstResult()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = 0;

        var first = sut.RunAsync("k", 0, _ => { starts++; return gate.Task; }, CancellationToken.None);
        var second = sut.RunAsync("k", 0, _ => { starts++; return Task.FromResult(-1); }, CancellationToken.None);
        gate.SetResult(42);

        var results = await Task.WhenAll(first, second);

        Assert.Equal([42, 42], results);
        Assert.Equal(1, starts);
    }

    [Fact]
    public async Task RunAsync_DifferentKeys_RunSeparately()
    {
        var a = await sut.RunAsync("a", 1, static s => Task.FromResult(s), CancellationToken.None);
        var b = await sut.RunAsync("b", 2, static s => Task.FromResult(s), CancellationToken.None);

        Assert.Equal((1, 2), (a, b));
    }

    [Fact]
    public async Task RunAsync_AfterTheFlightLands_StartsAFreshOne()
    {
        await sut.RunAsync("k", 1, static s => Task.FromResult(s), CancellationToken.None);

        var again = await sut.RunAsync("k", 2, static s => Task.FromResult(s), CancellationToken.None);

        Assert.Equal(2, again);
        Assert.Equal(0, sut.InFlight);
    }

    [Fact]
    public async Task RunAsync_WorkFails_EveryCallerSeesTheErrorAndTheKeyIsFreed()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = sut.RunAsync("k", 0, _ => gate.Task, CancellationToken.None);
        var second = sut.RunAsync("k", 0, _ => Task.FromResult(-1), CancellationToken.None);

        gate.SetException(new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal(0, sut.InFlight);
    }

    [Fact]
    public async Task RunAsync_WorkThrowsBeforeReturningATask_FaultsTheFlightInsteadOfThrowing()
    {
        var flight = sut.RunAsync<int>("k", 0, _ => throw new InvalidOperationException("sync"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => flight);
        Assert.Equal(0, sut.InFlight);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_OnlyThatCallerStopsWaiting()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var leaving = sut.RunAsync("k", 0, _ => gate.Task, cancel.Token);
        var staying = sut.RunAsync("k", 0, _ => gate.Task, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gate.SetResult(7);

        Assert.Equal(7, await staying);
    }
}
