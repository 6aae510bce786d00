using System.Collections;
using System.Globalization;
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
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string> _config = new(StringComparer.Ordinal);
    private readonly List<FunctionProject> _published = [];
    private string? _refreshToken = RefreshTokenText;
    private bool _writeTokenFile = true;

    public StackRunBuilder() => Directory.CreateDirectory(ProjectDirectory);

    public string ProjectDirectory { get; } = Path.Combine(Path.GetTempPath(), "mtv-infra-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<FunctionProject> Published => _published;

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

    public Task<TokenVendingStackArgs> PrepareAsync()
    {
        if (_writeTokenFile)
        {
            File.WriteAllText(Path.Combine(ProjectDirectory, "momento_token.info.json"), TokenJson(_refreshToken));
        }

        return StackProgram.PrepareAsync(
            key => _config.GetValueOrDefault(key),
            ProjectDirectory,
            project =>
            {
                _published.Add(project);
                return Task.FromResult<Archive>(new FileArchive(project.OutputDirectory));
            },
            new FakeTimeProvider(Now));
    }

    public async Task<StackRun> DeployAsync()
    {
        var args = await PrepareAsync();
        var mocks = new StackMocks();
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

        var (resources, outputs) = await Deployment.TestAsync(
            mocks,
            new TestOptions { IsPreview = false, ProjectName = StackConfigKeys.Project, StackName = "test" },
            () => new TokenVendingStack(StackProgram.ComponentName, args, componentOptions).Outputs);
        return new StackRun(resources, outputs, mocks.Registered, options);
    }

    public void Dispose() => Directory.Delete(ProjectDirectory, recursive: true);

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

/// <summary>The outcome of a test deployment, with helpers to read raw inputs.</summary>
internal sealed record StackRun(
    System.Collections.Immutable.ImmutableArray<Resource> Resources,
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
}
