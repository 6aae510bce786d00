using MomentoTokenVending.TestSupport.Momento;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>Runs fresh processes of a runtime against <see cref="LoopbackServices"/>, each asked twice by a caller of its own, and checks what they answered.</summary>
internal sealed class ColdStartBench(LoopbackServices services)
{
    private int callers;

    /// <summary>
    /// Starts one process of <paramref name="runtime"/> and sends it the same request twice. Throws an
    /// <see cref="InvalidOperationException"/> unless both answers are 200 with the one token the server minted
    /// meanwhile, asked for as the stack configures it (subscribe-only on the cache's topics, the token lifetime) and
    /// cached once for the token's life less the reuse window.
    /// </summary>
    public async Task<ColdStart> RunAsync(IFunctionRuntime runtime)
    {
        var server = services.Momento;
        var mintsBefore = server.Token.Issued.Count;
        var setsBefore = server.Cache.Sets.Count;
        var callsBefore = server.Calls;
        var request = HttpApiEvent.From(Interlocked.Increment(ref callers));

        var run = await FunctionProcess.RunAsync(runtime, services.Environment, [request, request]);

        var minted = server.Token.Issued.Skip(mintsBefore).ToList();
        var stored = server.Cache.Sets.Skip(setsBefore).ToList();
        var answers = run.Answers.Select(answer => VendAnswer.Parse(answer.Line)).ToList();
        string? problem = null;
        if (answers.Any(answer => answer.StatusCode != 200))
        {
            problem = $"answered {string.Join(", ", answers.Select(answer => answer.StatusCode))}";
        }
        else if (minted.Count != 1)
        {
            problem = $"made the server mint {minted.Count} tokens for one caller's two requests";
        }
        else if (answers.Any(answer => answer.Token != minted[0].ClientToken))
        {
            problem = "answered a token the server did not mint for it";
        }
        else if (!IsAsConfigured(minted[0].Request))
        {
            problem = $"asked for {string.Join(", ", minted[0].Request.Permissions)} for {minted[0].Request.ValidFor}";
        }
        else if (stored.Count != 1 || !IsCachedAsConfigured(stored[0].Ttl))
        {
            problem = $"cached the token {stored.Count} times, for {string.Join(", ", stored.Select(set => set.Ttl))}";
        }

        return problem is null
            ? new ColdStart(run.Ready, run.Answers[0].Elapsed, run.Answers[1].Elapsed, run.CpuTime, server.Calls - callsBefore)
            : throw new InvalidOperationException($"{runtime.Name} {problem}. Its log:{Environment.NewLine}{run.Log}");
    }

    // The token's life less the reuse window (55 minutes by default); the function counts from the token's expiry in
    // whole seconds, so it may cache up to a few seconds less.
    private bool IsCachedAsConfigured(TimeSpan ttl)
    {
        var configured = TimeSpan.FromMinutes(services.Settings.TokenLifetimeMinutes - services.Settings.TokenReuseMinutes);
        return ttl <= configured && ttl > configured - TimeSpan.FromSeconds(5);
    }

    private bool IsAsConfigured(TokenRequest request) =>
        request.Permissions.SequenceEqual([new TopicGrant(TopicAccess.ReadOnly, services.Settings.CacheName)])
        && request.ValidFor == TimeSpan.FromMinutes(services.Settings.TokenLifetimeMinutes);
}
