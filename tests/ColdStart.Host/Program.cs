using System.Diagnostics;
using System.Globalization;
using MomentoTokenVending.ColdStart.Host;

// Runs a published function as Lambda's managed .NET runtime does, started in the bundle folder as its bootstrap starts it:
//   dotnet exec --depsfile <Fn>.deps.json --runtimeconfig <Fn>.runtimeconfig.json MomentoTokenVending.ColdStart.Host.dll <handler string>
// so every assembly but this one comes from the bundle. Once the function is constructed (Lambda's init), it writes "ready" on
// stdout; then each line on stdin is one event (JSON), and each answer, serialized by the function's own serializer, one line
// on stdout; at the end of stdin, the CPU time it used. The function's log, and anything else written to the console, go to stderr.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: dotnet exec --depsfile <Fn>.deps.json --runtimeconfig <Fn>.runtimeconfig.json MomentoTokenVending.ColdStart.Host.dll <Assembly::Type::Method>");
    return 64;
}

var endpoint = Environment.GetEnvironmentVariable(HostEnvironment.MomentoEndpoint);
if (string.IsNullOrEmpty(endpoint))
{
    await Console.Error.WriteLineAsync($"{HostEnvironment.MomentoEndpoint} must name the Momento protocol server (127.0.0.1:port).");
    return 64;
}

var answers = Console.Out;
Console.SetOut(Console.Error);
using var function = UserCode.Load(HandlerString.Parse(args[0]), new LoopbackMomento(endpoint));
await Console.Error.WriteLineAsync($"loaded {function.Assembly.GetName().Name} from {function.Assembly.Location}");
await answers.WriteLineAsync(HostEnvironment.ReadyLine);
var logger = new StderrLambdaLogger();
while (await Console.In.ReadLineAsync() is { } line)
{
    await answers.WriteLineAsync(await function.InvokeAsync(line, new HostContext(logger)));
}

await answers.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{HostEnvironment.CpuPrefix}{Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0.0}"));
return 0;
