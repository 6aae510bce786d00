using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Tests.Momento;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>
/// Momento's refresh as the rotation sees it: each refresh token works once. A fault after the call
/// means Momento issued a new pair whose reply never arrived.
/// </summary>
internal sealed class FakeMomento(TimeProvider clock, FaultInjector? faults = null) : IMomentoKeyRefresher
{
    private readonly List<TokenBundle> issued = [];

    /// <summary>The seeded bundle followed by every bundle Momento issued, delivered or not.</summary>
    public IReadOnlyList<TokenBundle> Issued => issued;

    /// <summary>The refresh token Momento accepts now: the newest it issued.</summary>
    public string AcceptedRefreshToken { get; private set; } = RefreshToken(0);

    /// <summary>The newest refresh token a caller actually received (the seeded one before any refresh).</summary>
    public string NewestDelivered { get; private set; } = RefreshToken(0);

    /// <summary>Names the run in progress, so each issue can be traced to the ClientRequestToken that asked.</summary>
    public string? Context { get; set; }

    public List<string?> IssuedFor { get; } = [];

    /// <summary>Runs after each refresh Momento performs, before its reply is returned.</summary>
    public Action OnRefreshed { get; set; } = () => { };

    /// <summary>When set, every call answers this instead of refreshing.</summary>
    public KeyRefreshResult? Answer { get; set; }

    public TokenBundle Seed()
    {
        var seed = Bundle(0, clock.GetUtcNow().AddDays(10));
        issued.Add(seed);
        return seed;
    }

    public async Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle, CancellationToken cancellationToken)
    {
        var result = faults is null
            ? Refresh(bundle)
            : await faults.RunAsync("Momento.RefreshApiToken", () => Task.FromResult(Refresh(bundle)));
        if (result.Bundle?.RefreshToken is { } delivered)
        {
            NewestDelivered = delivered;
        }

        return result;
    }

    private KeyRefreshResult Refresh(TokenBundle bundle)
    {
        if (Answer is not null)
        {
            return Answer;
        }

        if (bundle.RefreshToken != AcceptedRefreshToken)
        {
            return KeyRefreshResult.Rejected("the refresh token has been spent");
        }

        var next = Bundle(issued.Count, clock.GetUtcNow().AddDays(30).AddMinutes(issued.Count));
        issued.Add(next);
        IssuedFor.Add(Context);
        AcceptedRefreshToken = next.RefreshToken!;
        OnRefreshed();
        return KeyRefreshResult.Refreshed(next);
    }

    private static string RefreshToken(int n) => $"momento-refresh-token-{n}";

    private static TokenBundle Bundle(int n, DateTimeOffset validUntil) =>
        new(TestKeys.V1($"momento-key-{n}"), RefreshToken(n), validUntil);
}
