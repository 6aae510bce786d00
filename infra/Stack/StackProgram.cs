using MomentoTokenVending.Infra.Planning;
using Pulumi;

namespace MomentoTokenVending.Infra;

/// <summary>Everything the program does before declaring resources: validate, load the token file, build the functions.</summary>
internal static class StackProgram
{
    /// <summary>Name of the component, and so the prefix of every resource name.</summary>
    public const string ComponentName = "token-vending";

    /// <summary>
    /// Reads every configuration key once through <paramref name="config"/> and loads the token file, so a bad
    /// value fails the preview naming its key before any resource exists; then turns each function project
    /// into its deployable archive with <paramref name="publish"/> (a real <c>dotnet publish</c>, or a stand-in in tests).
    /// </summary>
    public static async Task<TokenVendingStackArgs> PrepareAsync(
        Func<string, string?> config,
        string projectDirectory,
        Func<FunctionProject, Task<Archive>> publish,
        TimeProvider clock)
    {
        var settings = StackSettings.Read(config);
        var bundle = TokenFile.Load(projectDirectory, settings.TokenFile, clock);
        var rotation = RotationPlan.Decide(bundle, settings.RotationSchedule, clock);
        KeyExpiryWarning.Ensure(settings, rotation.Enabled);

        // One after the other: both projects build the shared Core project.
        var vendingCode = await publish(FunctionProject.Vending(projectDirectory));
        var refreshCode = await publish(FunctionProject.Refresh(projectDirectory));

        return new TokenVendingStackArgs(settings, Output.CreateSecret(bundle.ToJson()), rotation, vendingCode, refreshCode);
    }
}
