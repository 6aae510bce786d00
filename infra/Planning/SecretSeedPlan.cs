using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning;

/// <summary>
/// Decides, before any resource is declared, whether this run needs the token file. Only a complete record
/// from this stack's own last deployment (the secret's ARN, whether it rotates, and the seed value, all of
/// the right type) lets a run go without the file; anything less is treated as a first deploy, which reads
/// the file and fails naming <c>tokenFile</c> when it cannot be used. Nothing the program writes into AWS is
/// ever a placeholder.
/// </summary>
public static class SecretSeedPlan
{
    /// <summary>
    /// Plans the seed from <paramref name="last"/>; calls <paramref name="loadTokenFile"/> (which throws a
    /// <see cref="StackConfigException"/> naming <c>tokenFile</c>) only when the seed must come from the file:
    /// the stack has no complete record, or <paramref name="reseed"/> asks to re-decide rotation from the file.
    /// </summary>
    public static SecretSeed Decide(LastDeployment last, bool reseed, Func<TokenBundle> loadTokenFile, RotationSchedule schedule, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(loadTokenFile);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(clock);

        var recorded = last is { SecretArn: string arn, RotationEnabled: bool, SeedRecorded: true } && arn.Length > 0;
        if (recorded && !reseed)
        {
            return new SeedFromLastDeployment((string)last.SecretArn!, (bool)last.RotationEnabled!);
        }

        var why = recorded
            ? $"{StackConfigKeys.Qualify(StackConfigKeys.Reseed)} is true: this run reads the token file to re-decide rotation after a re-seed (it does not write the file into the secret); set it back to false afterwards."
            : last.IsEmpty
                ? "This stack has not been deployed yet: this run creates the secret and seeds it from the token file (later runs do not read it)."
                : $"This stack's last deployment did not record {StackOutputNames.RotationEnabled} and {StackOutputNames.SeedSecretString} (it was made by an earlier version of this program, or its outputs were changed): this run reads the token file once more to record them.";

        TokenBundle bundle;
        try
        {
            bundle = loadTokenFile();
        }
        catch (StackConfigException e) when (e.Key == StackConfigKeys.Qualify(StackConfigKeys.TokenFile))
        {
            throw new StackConfigException(StackConfigKeys.TokenFile, $"{e.Problem}. {why}", e);
        }

        return new SeedFromTokenFile(bundle, RotationPlan.Decide(bundle, schedule, clock));
    }
}
