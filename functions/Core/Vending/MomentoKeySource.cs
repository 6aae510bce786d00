using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Vending;

/// <summary>
/// The current Momento key, read from the secret and kept for a TTL; re-read at once when Momento
/// rejects it. Reads are single-flighted, so a cold container or a rejection reads the secret once.
/// When a read after the TTL fails, the key already held keeps serving (Momento has not rejected it)
/// and the read is tried again after <see cref="RetryAfterFailedRead"/>.
/// </summary>
internal sealed class MomentoKeySource
{
    private const string FlightKey = "secret";

    /// <summary>How long a held key keeps serving after a failed read before the secret is read again.</summary>
    internal static readonly TimeSpan RetryAfterFailedRead = TimeSpan.FromSeconds(10);

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
        if (entry is null)
        {
            return new ValueTask<MomentoKey>(ReadAsync(logger, cancellationToken));
        }

        return time.GetUtcNow() < entry.FreshUntil
            ? new ValueTask<MomentoKey>(entry.Key)
            : new ValueTask<MomentoKey>(ReadOrKeepAsync(entry, logger, cancellationToken));
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

    private async Task<MomentoKey> ReadOrKeepAsync(Entry held, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(logger, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only replace the entry nobody has replaced meanwhile: a successful read by another caller wins.
            Interlocked.CompareExchange(ref current, held with { FreshUntil = time.GetUtcNow() + RetryAfterFailedRead }, held);
            VendingLog.KeyReadFailedKeepingHeldKey(logger, e.GetType().Name);
            return held.Key;
        }
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
