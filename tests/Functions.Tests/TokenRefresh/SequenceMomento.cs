using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

/// <summary>Momento's refresh standing in for the real service: each refresh token works once.</summary>
internal sealed class SequenceMomento(TimeProvider clock) : IMomentoKeyRefresher
{
    private readonly List<TokenBundle> issued = [];

    public IReadOnlyList<TokenBundle> Issued => issued;

    public int Refreshes => issued.Count - 1;

    public TokenBundle Seed()
    {
        issued.Add(Bundle(0, clock.GetUtcNow().AddDays(10)));
        return issued[0];
    }

    public Task<KeyRefreshResult> RefreshAsync(TokenBundle bundle, CancellationToken cancellationToken)
    {
        if (bundle.RefreshToken != issued[^1].RefreshToken)
        {
            return Task.FromResult(KeyRefreshResult.Rejected("the refresh token has been spent"));
        }

        var next = Bundle(issued.Count, clock.GetUtcNow().AddDays(30).AddMinutes(issued.Count));
        issued.Add(next);
        return Task.FromResult(KeyRefreshResult.Refreshed(next));
    }

    // Whole seconds, as Momento issues them: the secret stores validUntil in epoch seconds, so a bundle read
    // back equals the one issued only then.
    private static TokenBundle Bundle(int n, DateTimeOffset validUntil) =>
        new(
            MomentoKey.Parse(MomentoKey.WrapV1($"eyJhbGciOiJIUzI1NiJ9.secret-key-{n}.c2ln", "cell-1.example.momentohq.com")),
            $"secret-refresh-token-{n}",
            DateTimeOffset.FromUnixTimeSeconds(validUntil.ToUnixTimeSeconds()));
}
