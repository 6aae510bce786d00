using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

/// <summary>Valid-by-default environment variables for the vending settings.</summary>
internal sealed class VendingEnvironmentBuilder
{
    private readonly Dictionary<string, string?> variables = new(StringComparer.Ordinal)
    {
        [FunctionEnvironment.SecretId] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key",
        [FunctionEnvironment.CacheName] = "browser-cache",
    };

    public VendingEnvironmentBuilder With(string name, string? value)
    {
        variables[name] = value;
        return this;
    }

    public VendingEnvironmentBuilder Without(string name)
    {
        variables.Remove(name);
        return this;
    }

    public IReadOnlyDictionary<string, string?> Build() => new Dictionary<string, string?>(variables, StringComparer.Ordinal);

    public VendingSettings BuildSettings() => VendingSettings.FromEnvironment(Build());
}
