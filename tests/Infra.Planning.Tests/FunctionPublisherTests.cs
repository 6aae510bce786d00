using MomentoTokenVending.Infra.Planning;
using Moq;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class FunctionPublisherTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly Mock<IProcessRunner> _runner = new(MockBehavior.Strict);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task PublishAsync_Success_RunsDotnetPublishIntoAnEmptiedFolder()
    {
        var project = FunctionProject.Refresh(_root.Path);
        var stale = _root.Write("artifacts/lambda/token-refresh/Stale.dll", "old");
        var sawStale = true;
        _runner
            .Setup(r => r.RunAsync("dotnet", project.PublishArguments(), It.IsAny<CancellationToken>()))
            .Callback(() => sawStale = File.Exists(stale))
            .ReturnsAsync(new ProcessResult(0, ["Build succeeded."]));

        var output = await CreateSut().PublishAsync(project, CancellationToken.None);

        Assert.Equal(project.OutputDirectory, output);
        Assert.False(sawStale);
        _runner.VerifyAll();
    }

    [Fact]
    public async Task PublishAsync_CompileErrors_ThrowsWithDotnetsDistinctErrorLines()
    {
        var project = FunctionProject.Vending(_root.Path);
        const string error = "/src/functions/TokenVending/Function.cs(12,5): error CS0103: The name 'x' does not exist in the current context";
        _runner
            .Setup(r => r.RunAsync("dotnet", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProcessResult(1, ["Restore complete", error, "Build FAILED.", error, "1 Error(s)"]));

        var failure = await Assert.ThrowsAsync<FunctionBuildException>(() => CreateSut().PublishAsync(project, CancellationToken.None));

        Assert.Equal("token-vending", failure.FunctionName);
        Assert.Equal(1, failure.ExitCode);
        Assert.Equal($"dotnet publish of token-vending failed with exit code 1:{Environment.NewLine}{error}", failure.Message);
    }

    [Fact]
    public async Task PublishAsync_FailureWithoutErrorLines_ThrowsWithTheTailOfTheOutput()
    {
        var lines = Enumerable.Range(1, 60).Select(i => $"line {i}").ToArray();
        _runner
            .Setup(r => r.RunAsync("dotnet", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProcessResult(134, lines));

        var failure = await Assert.ThrowsAsync<FunctionBuildException>(() => CreateSut().PublishAsync(FunctionProject.Vending(_root.Path), CancellationToken.None));

        Assert.DoesNotContain("line 10" + Environment.NewLine, failure.Message, StringComparison.Ordinal);
        Assert.Contains("line 11" + Environment.NewLine, failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("line 60", failure.Message, StringComparison.Ordinal);
    }

    private FunctionPublisher CreateSut() => new(_runner.Object);
}
