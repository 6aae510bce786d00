using MomentoTokenVending.Infra.Planning;

namespace MomentoTokenVending.Infra.Planning.Tests;

public sealed class FunctionProjectTests
{
    private const string Root = "/src/momento-token-vending";

    [Theory]
    [InlineData("token-vending", "TokenVending")]
    [InlineData("token-refresh", "TokenRefresh")]
    public void Factory_Root_PointsAtTheProjectAndAFixedOutputFolder(string name, string folder)
    {
        var project = name == "token-vending" ? FunctionProject.Vending(Root) : FunctionProject.Refresh(Root);

        Assert.Equal(name, project.Name);
        Assert.Equal($"/src/momento-token-vending/functions/{folder}/MomentoTokenVending.{folder}.csproj", project.ProjectPath);
        Assert.Equal($"/src/momento-token-vending/artifacts/lambda/{name}", project.OutputDirectory);
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
