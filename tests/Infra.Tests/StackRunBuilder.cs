using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MomentoTokenVending.Infra.Planning;
using MomentoTokenVending.Core.Tokens;
using Pulumi;
using Pulumi.Testing;

namespace MomentoTokenVending.Infra.Tests;

/// <summary>A valid-by-default stack run: each test changes only what it is about.</summary>
internal sealed class StackRunBuilder : IDisposable
{
    public const string RefreshTokenText = "refresh-token-SECRET-7f3a";
    public const string LastSeedText = "{\"authToken\":\"last-deployment-seed\"}";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _config = new(StringComparer.Ordinal);
    private readonly List<FunctionProject> _published = [];
    private string? _refreshToken = RefreshTokenText;
    private string? _tokenFileContent;
    private bool _writeTokenFile = true;

    public StackRunBuilder() => Directory.CreateDirectory(ProjectDirectory);

    public string ProjectDirectory { get; } = Path.Combine(Path.GetTempPath(), "mtv-infra-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<FunctionProject> Published => _published;

    public StackMocks Mocks { get; } = new();

    public ScriptedPreflight Preflight { get; } = new();

    public StackRunBuilder WithConfig(string key, string value)
    {
        _config[key] = value;
        return this;
    }

    public StackRunBuilder WithoutRefreshToken()
    {
        _refreshToken = null;
        return this;
    }

    public StackRunBuilder WithoutTokenFile()
    {
        _writeTokenFile = false;
        return this;
    }

    public StackRunBuilder WithTokenFileContent(string content)
    {
        _tokenFileContent = content;
        return this;
    }

    /// <summary>The stack was deployed before: its last outputs are those a deployment of this program records.</summary>
    public StackRunBuilder AfterADeployment(bool rotationEnabled = true)
    {
        Mocks.LastOutputs = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [StackOutputNames.SecretArn] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-vending-secret-1a2b3c-AbCdEf",
            [StackOutputNames.RotationEnabled] = rotationEnabled,
            [StackOutputNames.SeedSecretString] = LastSeedText,
        };
        Mocks.LastSecretOutputNames = [StackOutputNames.SeedSecretString];
        return this;
    }

    /// <summary>The stack's last outputs are exactly <paramref name="outputs"/> (none of them secret).</summary>
    public StackRunBuilder WithLastOutputs(Dictionary<string, object> outputs)
    {
        Mocks.LastOutputs = outputs;
        return this;
    }

    /// <summary>Runs only the preparation, in a deployment of its own (it reads the stack's last outputs).</summary>
    public async Task<TokenVendingStackArgs> PrepareAsync()
    {
        TokenVendingStackArgs? args = null;
        await RunAsync(async () => args = await PrepareInDeploymentAsync());
        return args!;
    }

    public async Task<StackRun> DeployAsync()
    {
        var options = new Dictionary<string, ResourceOptions>(StringComparer.Ordinal);
        var componentOptions = new ComponentResourceOptions
        {
            ResourceTransformations =
            {
                transformation =>
                {
                    options[transformation.Resource.GetResourceName()] = transformation.Options;
                    return null;
                },
            },
        };

        IDictionary<string, object?> outputs = new Dictionary<string, object?>();
        var resources = await RunAsync(async () =>
            outputs = new TokenVendingStack(StackProgram.ComponentName, await PrepareInDeploymentAsync(), componentOptions).Outputs);
        return new StackRun(resources, outputs, Mocks.Registered, options);
    }

    public void Dispose() => Directory.Delete(ProjectDirectory, recursive: true);

    private Task<TokenVendingStackArgs> PrepareInDeploymentAsync()
    {
        Preflight.Answer ??= new CachesListed(["another-cache", _config.GetValueOrDefault(StackConfigKeys.CacheName) ?? StackConfigKeys.Defaults[StackConfigKeys.CacheName]]);
        if (_writeTokenFile)
        {
            File.WriteAllText(Path.Combine(ProjectDirectory, "momento_token.info.json"), _tokenFileContent ?? TokenJson(_refreshToken));
        }

        return StackProgram.PrepareAsync(
            key => _config.GetValueOrDefault(key),
            ProjectDirectory,
            LastDeploymentReader.ForThisStack(),
            Preflight,
            project =>
            {
                _published.Add(project);
                return Task.FromResult<Archive>(new FileArchive(project.OutputDirectory));
            },
            new FakeTimeProvider(Now));
    }

    // The program's own exceptions come back as they were thrown, not wrapped by the test engine.
    private async Task<ImmutableArray<Resource>> RunAsync(Func<Task> program)
    {
        ExceptionDispatchInfo? failure = null;
        var resources = await Deployment.TestAsync(
            Mocks,
            new TestOptions { IsPreview = false, ProjectName = StackConfigKeys.Project, StackName = "test" },
            async () =>
            {
                try
                {
                    await program();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            });
        failure?.Throw();
        return resources;
    }

    private static string TokenJson(string? refreshToken)
    {
        var claims = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["sub"] = "someone" }))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = MomentoKey.WrapV1($"eyJhbGciOiJIUzI1NiJ9.{claims}.c2lnbmF0dXJl", "cell-1.example.momentohq.com");
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["authToken"] = key,
            ["refreshToken"] = refreshToken,
            ["validUntil"] = Now.AddDays(30).ToUnixTimeSeconds(),
        });
    }
}

/// <summary>The preflight as a test scripts it: answers <see cref="Answer"/> (by default, the configured cache exists) and counts the calls.</summary>
internal sealed class ScriptedPreflight : IMomentoPreflight
{
    public PreflightAnswer? Answer { get; set; }

    public List<MomentoKey> Asked { get; } = [];

    public Task<PreflightAnswer> ListCachesAsync(MomentoKey key, CancellationToken cancellationToken)
    {
        Asked.Add(key);
        return Task.FromResult(Answer!);
    }
}

/// <summary>The outcome of a test deployment, with helpers to read raw inputs.</summary>
internal sealed record StackRun(
    ImmutableArray<Resource> Resources,
    IDictionary<string, object?> Outputs,
    IReadOnlyList<RegisteredResource> Registered,
    IReadOnlyDictionary<string, ResourceOptions> Options)
{
    public RegisteredResource Single(string type, string name) =>
        Registered.Single(r => r.Type == type && r.Name == $"{StackProgram.ComponentName}-{name}");

    public IEnumerable<RegisteredResource> OfType(string type) => Registered.Where(r => r.Type == type);

    public static string Text(object value) => (string)value;

    public static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    public static string[] Strings(object value) => ((IEnumerable)value).Cast<object>().Select(v => (string)v).ToArray();

    public static IReadOnlyDictionary<string, object> Map(object value) => (IReadOnlyDictionary<string, object>)value;

    public Task<string> OutputAsync(string name) => Pulumi.Utilities.OutputUtilities.GetValueAsync((Output<string>)Outputs[name]!);

    // Pulumi keeps options private; protection is what a reader of the stack most needs to trust, so read it.
    public bool IsProtected(string name) => Options[$"{StackProgram.ComponentName}-{name}"].Protect == true;
}
