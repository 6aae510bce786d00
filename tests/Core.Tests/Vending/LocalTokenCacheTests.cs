using CsCheck;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class LocalTokenCacheTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_NothingRemembered_ReturnsNull()
    {
        Assert.Null(CreateSut(4).TryGet("caller"));
    }

    [Fact]
    public async Task TryGet_ExactlyTheReuseWindowLeft_ReturnsTheToken()
    {
        var sut = CreateSut(4);
        var token = Token("token-a", TimeSpan.FromMinutes(60));
        sut.Remember("caller", token);

        time.Advance(TimeSpan.FromMinutes(55));
        var answer = sut.TryGet("caller");

        Assert.NotNull(answer);
        Assert.True(answer.IsCompletedSuccessfully);
        var result = await answer;
        Assert.Same(token, result.Token);
        Assert.Equal(VendOutcome.Vended, result.Outcome);
    }

    [Fact]
    public void TryGet_OneTickInsideTheReuseWindow_ReturnsNullAndDropsTheEntry()
    {
        var sut = CreateSut(4);
        sut.Remember("caller", Token("token-a", TimeSpan.FromMinutes(60)));

        time.Advance(TimeSpan.FromMinutes(55) + TimeSpan.FromTicks(1));

        Assert.Null(sut.TryGet("caller"));
        Assert.Equal(0, sut.Count);
    }

    [Fact]
    public void TryGet_Repeated_ReturnsTheSameCompletedTask()
    {
        var sut = CreateSut(4);
        sut.Remember("caller", Token("token-a", TimeSpan.FromMinutes(60)));

        Assert.Same(sut.TryGet("caller"), sut.TryGet("caller"));
    }

    [Fact]
    public void Remember_TokenAlreadyInsideTheReuseWindow_KeepsNothing()
    {
        var sut = CreateSut(4);

        sut.Remember("caller", Token("brief-token", Window - TimeSpan.FromSeconds(1)));

        Assert.Equal(0, sut.Count);
        Assert.Null(sut.TryGet("caller"));
    }

    [Fact]
    public void Remember_TokenInsideTheReuseWindowForACallerWithAnEntry_DropsTheOlderEntry()
    {
        var sut = CreateSut(4);
        sut.Remember("caller", Token("token-old", TimeSpan.FromMinutes(60)));

        sut.Remember("caller", Token("brief-token", Window - TimeSpan.FromSeconds(1)));

        Assert.Null(sut.TryGet("caller"));
    }

    [Fact]
    public void Remember_ReuseWindowZero_KeepsTheTokenUntilItExpires()
    {
        var sut = new LocalTokenCache(4, TimeSpan.Zero, time);
        sut.Remember("caller", Token("token-a", TimeSpan.FromMinutes(10)));

        time.Advance(TimeSpan.FromMinutes(10));
        Assert.NotNull(sut.TryGet("caller"));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Null(sut.TryGet("caller"));
    }

    [Fact]
    public void Remember_CapacityZero_KeepsNothing()
    {
        var sut = CreateSut(0);

        sut.Remember("caller", Token("token-a", TimeSpan.FromMinutes(60)));

        Assert.Null(sut.TryGet("caller"));
    }

    [Fact]
    public async Task Remember_Full_TakesNoNewCallerAndKeepsTheOthers()
    {
        var sut = CreateSut(2);
        sut.Remember("a", Token("token-a", TimeSpan.FromMinutes(60)));
        sut.Remember("b", Token("token-b", TimeSpan.FromMinutes(60)));

        sut.Remember("c", Token("token-c", TimeSpan.FromMinutes(60)));

        Assert.Equal(2, sut.Count);
        Assert.Null(sut.TryGet("c"));
        Assert.Equal("token-a", await TokenOf(sut.TryGet("a")));
        Assert.Equal("token-b", await TokenOf(sut.TryGet("b")));
    }

    [Fact]
    public async Task Remember_FullWithAnEntryInsideTheReuseWindow_DropsItForTheNewCaller()
    {
        var sut = CreateSut(2);
        sut.Remember("short", Token("token-short", TimeSpan.FromMinutes(10)));
        sut.Remember("long", Token("token-long", TimeSpan.FromMinutes(60)));
        time.Advance(TimeSpan.FromMinutes(6));

        sut.Remember("new", Token("token-new", TimeSpan.FromMinutes(60)));

        Assert.Equal(2, sut.Count);
        Assert.Equal("token-new", await TokenOf(sut.TryGet("new")));
        Assert.Equal("token-long", await TokenOf(sut.TryGet("long")));
    }

    [Fact]
    public async Task Remember_FullAndTheSameCallerAgain_ReplacesItsEntry()
    {
        var sut = CreateSut(1);
        sut.Remember("caller", Token("token-old", TimeSpan.FromMinutes(30)));

        sut.Remember("caller", Token("token-new", TimeSpan.FromMinutes(60)));

        Assert.Equal(1, sut.Count);
        Assert.Equal("token-new", await TokenOf(sut.TryGet("caller")));
    }

    // Any mix of remembers, lookups and clock steps: never more entries than the bound, and a lookup only ever
    // answers the token last remembered for that caller, while it still has the reuse window left.
    [Fact]
    public void AnySequence_StaysWithinTheBoundAndAnswersOnlyReusableTokens()
    {
        var operation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 7], Gen.Int[0, 20]);
        Gen.Select(Gen.Int[0, 4], operation.Array[1, 60]).Sample((capacity, operations) =>
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
            var sut = new LocalTokenCache(capacity, Window, clock);
            var last = new Dictionary<string, VendedToken>(StringComparer.Ordinal);
            var serial = 0;
            foreach (var (kind, caller, minutes) in operations)
            {
                var key = "caller-" + caller;
                switch (kind)
                {
                    case 0:
                        var token = new VendedToken("token-" + serial++, clock.GetUtcNow().AddMinutes(minutes));
                        sut.Remember(key, token);
                        last[key] = token;
                        break;
                    case 1:
                        var answer = sut.TryGet(key);
                        if (answer is not null)
                        {
                            Assert.Same(last[key], answer.Result.Token);
                            Assert.True(answer.Result.Token!.RemainingAt(clock.GetUtcNow()) >= Window);
                        }

                        break;
                    default:
                        clock.Advance(TimeSpan.FromSeconds(minutes * 30));
                        break;
                }

                Assert.True(sut.Count <= capacity);
            }
        });
    }

    [Fact]
    public async Task RememberAndTryGet_ManyThreadsManyCallers_StayWithinTheBoundAndAnswerEachCallersOwnToken()
    {
        const int Capacity = 16;
        var sut = CreateSut(Capacity);
        var tokens = Enumerable.Range(0, 64).Select(i => Token("token-" + i, TimeSpan.FromMinutes(60))).ToArray();
        var overBound = 0;
        using var done = new CancellationTokenSource();
        var watcher = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                if (sut.Count > Capacity)
                {
                    Interlocked.Increment(ref overBound);
                }
            }
        });

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var caller = i * 7919 % tokens.Length;
            var answer = sut.TryGet("caller-" + caller);
            if (answer is null)
            {
                sut.Remember("caller-" + caller, tokens[caller]);
            }
            else
            {
                Assert.Same(tokens[caller], answer.Result.Token);
            }
        });
        await done.CancelAsync();
        await watcher;

        Assert.Equal(0, overBound);
        Assert.Equal(Capacity, sut.Count);
    }

    private static async Task<string?> TokenOf(Task<VendResult>? answer) => answer is null ? null : (await answer).Token!.Token;

    private LocalTokenCache CreateSut(int capacity) => new(capacity, Window, time);

    private VendedToken Token(string text, TimeSpan remaining) => new(text, time.GetUtcNow() + remaining);
}
