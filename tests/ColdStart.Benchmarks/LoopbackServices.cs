using Amazon.Runtime;
using Amazon.SecretsManager;
using MomentoTokenVending.ColdStart.Host;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Infra.Planning;
using MomentoTokenVending.TestSupport;
using MomentoTokenVending.TestSupport.Momento;
using MomentoTokenVending.TestSupport.Moto;

namespace MomentoTokenVending.ColdStart.Benchmarks;

/// <summary>
/// What a vending process talks to, on loopback: the Momento protocol server, which accepts only the seeded key, and
/// moto's Secrets Manager holding that key as the first deploy seeds it. <see cref="Environment"/> is what each
/// process gets: the variables the stack sets on the function (<see cref="FunctionVariables"/>, default settings),
/// dummy AWS credentials and the region as Lambda sets them, moto as <c>AWS_ENDPOINT_URL_SECRETS_MANAGER</c> (which
/// both AWS SDKs honour), and the server as <see cref="HostEnvironment.MomentoEndpoint"/>.
/// </summary>
internal sealed class LoopbackServices : IAsyncDisposable
{
    private const string Region = "us-east-1";

    // moto takes any credentials; an SDK needs some to sign with.
    private const string DummyCredential = "moto";

    private LoopbackServices(MomentoServer momento, MomentoKey key, StackSettings settings, IReadOnlyDictionary<string, string> environment)
    {
        Momento = momento;
        Key = key;
        Settings = settings;
        Environment = environment;
    }

    /// <summary>The Momento protocol server; its clock is the system's.</summary>
    public MomentoServer Momento { get; }

    /// <summary>The key in the secret.</summary>
    public MomentoKey Key { get; }

    /// <summary>The stack settings the variables come from: every default.</summary>
    public StackSettings Settings { get; }

    /// <summary>The environment variables of a vending process.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Starts the Momento protocol server and seeds a secret in <paramref name="moto"/>, which the caller keeps running.</summary>
    public static async Task<LoopbackServices> StartAsync(MotoServer moto)
    {
        ArgumentNullException.ThrowIfNull(moto);
        var key = TestKeys.V1("cold-start-key");
        var credentials = new BasicAWSCredentials(DummyCredential, DummyCredential);
        string arn;
        using (var secrets = new AmazonSecretsManagerClient(credentials, new AmazonSecretsManagerConfig { ServiceURL = moto.ServiceUrl, AuthenticationRegion = Region }))
        {
            (arn, _) = await DeployedSecret.SeedAsync(secrets, TestKeys.SecretJson(key));
        }

        var settings = StackSettings.Read(_ => null);
        var momento = await MomentoServer.StartAsync(TimeProvider.System);
        momento.AcceptOnly(key.WireKey);
        var environment = new SortedDictionary<string, string>(FunctionVariables.Vending(settings, arn).ToDictionary(), StringComparer.Ordinal)
        {
            ["AWS_REGION"] = Region,
            ["AWS_ACCESS_KEY_ID"] = DummyCredential,
            ["AWS_SECRET_ACCESS_KEY"] = DummyCredential,
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = moto.ServiceUrl,
            // With credentials and region set neither SDK asks the instance metadata service; this keeps it so.
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            [HostEnvironment.MomentoEndpoint] = momento.Endpoint,
        };
        return new LoopbackServices(momento, key, settings, environment);
    }

    public ValueTask DisposeAsync() => Momento.DisposeAsync();
}
