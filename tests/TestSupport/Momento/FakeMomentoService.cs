using Grpc.Core;

namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>
/// What every service of <see cref="MomentoServer"/> shares: it counts the calls that reach it, can hold each
/// call for <see cref="Delay"/> and can answer each with <see cref="Fault"/> instead of serving it.
/// </summary>
public abstract class FakeMomentoService
{
    // A wait for a call that never comes fails the test instead of hanging it.
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly List<(int Calls, TaskCompletionSource Signal)> waiters = [];
    private readonly CancellationToken stopping;
    private int calls;

    private protected FakeMomentoService(TimeProvider clock, CancellationToken stopping)
    {
        Clock = clock;
        this.stopping = stopping;
    }

    /// <summary>Calls that reached this service, faulted or not.</summary>
    public int Calls
    {
        get
        {
            lock (gate)
            {
                return calls;
            }
        }
    }

    /// <summary>When set, every call is answered with this error after <see cref="Delay"/>.</summary>
    public MomentoFault? Fault { get; set; }

    /// <summary>
    /// How long each call is held before it is answered, timed by the server's clock (so a
    /// <c>FakeTimeProvider</c> holds it until advanced); <see cref="Timeout.InfiniteTimeSpan"/> holds it until
    /// the client gives up or the server stops.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    private protected TimeProvider Clock { get; }

    /// <summary>
    /// Completes once <paramref name="count"/> calls have reached this service; throws a <see cref="TimeoutException"/>
    /// when they have not within 30 s of real time.
    /// </summary>
    public Task WhenCalledAsync(int count = 1)
    {
        lock (gate)
        {
            if (calls >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, signal));
            return signal.Task.WaitAsync(WaitLimit);
        }
    }

    /// <summary>Counts the call, holds it for <see cref="Delay"/>, then throws <see cref="Fault"/> if one is set.</summary>
    private protected async Task EnterAsync(ServerCallContext context)
    {
        // The hold starts on the server's clock before anyone learns of the call: a test that advances a fake
        // clock as soon as the call arrives must find the timer already there, or the call would never end.
        using var held = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        var hold = Delay == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(Delay, Clock, held.Token);

        lock (gate)
        {
            calls++;
            foreach (var waiter in waiters.Where(w => w.Calls <= calls).ToArray())
            {
                waiters.Remove(waiter);
                waiter.Signal.SetResult();
            }
        }

        await hold;

        if (Fault is { } fault)
        {
            throw fault.ToException();
        }
    }

    private protected static RpcException InvalidArgument(string detail) => new(new Status(StatusCode.InvalidArgument, detail));

    private protected static RpcException Unauthenticated() => MomentoFault.Unauthenticated.ToException();
}
