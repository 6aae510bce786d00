using MomentoTokenVending.Infra.Planning;
using MomentoTokenVending.Infra;
using Pulumi;

return await Deployment.RunAsync(async () =>
{
    var config = new Config();

    // The CLI runs the program from infra/Stack/; the token file and the function projects are found from the root.
    var projectDirectory = RepositoryRoot.Find(Directory.GetCurrentDirectory());

    // Publishes into fixed, emptied folders; a failed publish stops the program with dotnet's own error lines.
    var publisher = new FunctionPublisher(new ProcessRunner());

    var args = await StackProgram.PrepareAsync(
        key => config.Get(key),
        projectDirectory,
        LastDeploymentReader.ForThisStack(),
        new MomentoCacheLister(),
        async project => new FileArchive(await publisher.PublishAsync(project, CancellationToken.None)),
        TimeProvider.System);

    return new TokenVendingStack(StackProgram.ComponentName, args).Outputs;
});
