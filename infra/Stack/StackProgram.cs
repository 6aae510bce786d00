using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra;

/// <summary>Everything the program does before declaring resources: validate, plan the seed, check Momento, build the functions.</summary>
internal static class StackProgram
{
    /// <summary>Name of the component, and so the prefix of every resource name.</summary>
    public const string ComponentName = "token-vending";

    /// <summary>
    /// Reads every configuration key once through <paramref name="config"/>, so a bad value fails the preview
    /// naming its key before any resource exists. Then asks <paramref name="lastDeployment"/> whether the secret
    /// is already seeded: only when it is not does it read the token file and check its key and the cache with
    /// <paramref name="preflight"/>. Last, it turns each function project into its deployable archive with
    /// <paramref name="publish"/> (a real <c>dotnet publish</c>, or a stand-in in tests).
    /// </summary>
    public static async Task<TokenVendingStackArgs> PrepareAsync(
        Func<string, string?> config,
        string projectDirectory,
        LastDeploymentReader lastDeployment,
        IMomentoPreflight preflight,
        Func<FunctionProject, Task<Archive>> publish,
        TimeProvider clock)
    {
        var settings = StackSettings.Read(config);
        var seed = SecretSeedPlan.Decide(
            await lastDeployment.ReadAsync().ConfigureAwait(false),
            settings.Reseed,
            () => TokenFile.Load(projectDirectory, settings.TokenFile, clock),
            settings.RotationSchedule,
            clock);
        KeyExpiryWarning.Ensure(settings, seed.Rotation.Enabled);

        var (seedValue, warnings) = seed switch
        {
            SeedFromTokenFile fromFile => (
                Output.CreateSecret(fromFile.Bundle.ToJson()),
                [
                    .. fromFile.Rotation.Warnings,
                    .. KeyExpiryWarning.ForKey(settings, fromFile.Bundle, fromFile.Rotation.Enabled, clock),
                    .. await CheckMomentoAsync(preflight, fromFile, settings).ConfigureAwait(false),
                ]),
            _ => (lastDeployment.LastSeed(), seed.Rotation.Warnings),
        };

        // One after the other: both projects build the shared Core project.
        var vendingCode = await publish(FunctionProject.Vending(projectDirectory)).ConfigureAwait(false);
        var refreshCode = await publish(FunctionProject.Refresh(projectDirectory)).ConfigureAwait(false);

        return new TokenVendingStackArgs(settings, seed, seedValue, warnings, vendingCode, refreshCode);
    }

    private static async Task<IReadOnlyList<string>> CheckMomentoAsync(IMomentoPreflight preflight, SeedFromTokenFile seed, StackSettings settings)
    {
        var answer = await preflight.ListCachesAsync(seed.Bundle.Key, CancellationToken.None).ConfigureAwait(false);
        return MomentoPreflight.Judge(answer, settings.CacheName, seed.Bundle.Key);
    }
}
