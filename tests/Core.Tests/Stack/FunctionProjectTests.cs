using MomentoTokenVending.Core.Stack;

namespace MomentoTokenVending.Core.Tests.Stack;

public sealed class FunctionProjectTests
{
    private const string Root = "/src/momento-token-vending";

    [Fact]
    public void Vending_Root_PointsAtTheProjectAndAFixedOutputFolder()
    {
        var project = FunctionProject.Vending(Root);

        Assert.Equal("token-vending", project.Name);
        Assert.Equal("/src/momento-token-vending/functions/TokenVending/MomentoTokenVending.TokenVending.csproj", project.ProjectPath);
        Assert.Equal("/src/momento-token-vending/artifacts/lambda/token-vending", project.OutputDirectory);
    }

    [Fact]
    public void Refresh_Root_PointsAtTheProjectAndAFixedOutputFolder()
    {
        var project = FunctionProject.Refresh(Root);

        Assert.Equal("token-refresh", project.Name);
        Assert.Equal("/src/momento-token-vending/functions/TokenRefresh/MomentoTokenVending.TokenRefresh.csproj", project.ProjectPath);
        Assert.Equal("/src/momento-token-vending/artifacts/lambda/token-refresh", project.OutputDirectory);
    }

    [Fact]
    public void PublishArguments_Project_PublishesReleaseArm64FrameworkDependentAndReproducibly()
    {
        var project = FunctionProject.Vending(Root);

        Assert.Equal(
            [
                "publish", project.ProjectPath,
                "--configuration", "Release",
                "--runtime", "linux-arm64",
                "--self-contained", "false",
                "--output", project.OutputDirectory,
                "--nologo",
                "-p:Deterministic=true",
                "-p:ContinuousIntegrationBuild=true",
                "-p:IncludeSourceRevisionInInformationalVersion=false",
                "-p:EnableSourceLink=false",
            ],
            project.PublishArguments());
    }
}
