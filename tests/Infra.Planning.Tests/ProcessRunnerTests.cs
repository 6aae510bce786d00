using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task RunAsync_Succeeds_ReturnsExitCodeZeroAndTheOutput()
    {
        var result = await new ProcessRunner().RunAsync("dotnet", ["--version"], CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", Assert.Single(result.Output, line => line.Length > 0));
    }

    [Fact]
    public async Task RunAsync_Fails_ReturnsTheExitCodeAndStandardError()
    {
        var result = await new ProcessRunner().RunAsync("dotnet", ["publish", "/nonexistent/None.csproj", "--nologo"], CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Output, line => line.Contains("None.csproj", StringComparison.Ordinal));
    }
}
