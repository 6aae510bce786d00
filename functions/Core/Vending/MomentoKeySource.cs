using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// The current Momento key, read from the secret and kept for a TTL; re-read at once when Momento
/// rejects it. Reads are single-flighted, so a cold container or a rejection reads the secret once.
/// </summary>
internal sealed class MomentoKeySource
{
    private const string FlightKey = "secret";

    private readonly ISecretReader reader;
    private readonly string secretId;
    private readonly TimeSpan ttl;
    private readonly TimeProvider time;
    private readonly SingleFlight<MomentoKey> reads = new();
    private volatile Entry? current;

    public MomentoKeySource(ISecretReader reader, string secretId, TimeSpan ttl, TimeProvider time)
    {
        this.reader = reader;
        this.secretId = secretId;
        this.ttl = ttl;
        this.time = time;
    }

    /// <summary>The kept key while it is fresh, otherwise a new read.</summary>
    public ValueTask<MomentoKey> GetAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var entry = current;
        return entry is not null && time.GetUtcNow() < entry.FreshUntil
            ? new ValueTask<MomentoKey>(entry.Key)
            : new ValueTask<MomentoKey>(ReadAsync(logger, cancellationToken));
    }

    /// <summary>
    /// A key other than <paramref name="rejected"/>: the one another caller has already re-read, or a
    /// new read of the secret (which may still hold the same key).
    /// </summary>
    public Task<MomentoKey> RereadAsync(MomentoKey rejected, ILogger logger, CancellationToken cancellationToken)
    {
        var entry = current;
        return entry is not null && !ReferenceEquals(entry.Key, rejected)
            ? Task.FromResult(entry.Key)
            : ReadAsync(logger, cancellationToken);
    }

    private Task<MomentoKey> ReadAsync(ILogger logger, CancellationToken cancellationToken) =>
        reads.RunAsync(FlightKey, (Source: this, Logger: logger), static s => s.Source.ReadSecretAsync(s.Logger), cancellationToken);

    private async Task<MomentoKey> ReadSecretAsync(ILogger logger)
    {
        // Shared by every waiting caller, so no single caller's token cancels it.
        var text = await reader.ReadSecretAsync(secretId, CancellationToken.None);
        var key = TokenBundle.Parse(text).Key;
        if (key.Kind == MomentoKeyKind.V2)
        {
            // Momento.Sdk needs an endpoint for a v2 key, and the secret's contract carries none.
            throw new TokenFormatException(
                "authToken",
                "is a v2 API key, which carries no endpoint; token vending needs a v1 or legacy key (the console's momento_token.info.json)");
        }

        current = new Entry(key, time.GetUtcNow() + ttl);
        VendingLog.KeyRead(logger, key.Kind);
        return key;
    }

    private sealed record Entry(MomentoKey Key, DateTimeOffset FreshUntil);
}
