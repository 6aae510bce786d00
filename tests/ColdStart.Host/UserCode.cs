using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Momento.Sdk;
using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.ColdStart.Host;

/// <summary>
/// A function loaded as Amazon.Lambda.RuntimeSupport's <c>UserCodeLoader</c> loads it: the assembly the handler string
/// names from the default load context (that is, from the bundle's deps.json), the type and the method by name, and
/// the serializer named by a <see cref="LambdaSerializerAttribute"/> on the method or else on the assembly. One
/// departure: where Lambda calls the public parameterless constructor, this calls the vending function's internal
/// constructor that takes its client factories (by reflection), with what the public one passes, except that
/// Momento.Sdk's clients come from <see cref="LoopbackMomento"/>.
/// </summary>
internal sealed class UserCode : IDisposable
{
    private const BindingFlags HandlerFlags =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly Type[] FactoryConstructor =
    [
        typeof(IReadOnlyDictionary<string, string?>),
        typeof(IAmazonSecretsManager),
        typeof(Func<MomentoKey, IAuthClient>),
        typeof(Func<MomentoKey, ICacheClient>),
        typeof(TimeProvider),
    ];

    private readonly object function;
    private readonly MethodInfo handler;
    private readonly ILambdaSerializer serializer;
    private readonly MethodInfo deserialize;
    private readonly MethodInfo serialize;

    private UserCode(Assembly assembly, object function, MethodInfo handler, ILambdaSerializer serializer)
    {
        Assembly = assembly;
        this.function = function;
        this.handler = handler;
        this.serializer = serializer;
        deserialize = typeof(ILambdaSerializer).GetMethod(nameof(ILambdaSerializer.Deserialize))!
            .MakeGenericMethod(handler.GetParameters()[0].ParameterType);
        serialize = typeof(ILambdaSerializer).GetMethod(nameof(ILambdaSerializer.Serialize))!
            .MakeGenericMethod(handler.ReturnType.GetGenericArguments()[0]);
    }

    /// <summary>The function's assembly, as loaded.</summary>
    public Assembly Assembly { get; }

    /// <summary>
    /// Loads and constructs the function <paramref name="handlerString"/> names; throws an
    /// <see cref="InvalidOperationException"/> saying what is missing.
    /// </summary>
    public static UserCode Load(HandlerString handlerString, LoopbackMomento momento)
    {
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(handlerString.AssemblyName));
        var type = assembly.GetType(handlerString.TypeName)
            ?? throw new InvalidOperationException($"No type {handlerString.TypeName} in {handlerString.AssemblyName}.");
        var handler = type.GetMethod(handlerString.MethodName, HandlerFlags)
            ?? throw new InvalidOperationException($"No method {handlerString.MethodName} on {handlerString.TypeName}.");
        var parameters = handler.GetParameters();
        if (handler.IsStatic || parameters.Length != 2 || parameters[1].ParameterType != typeof(ILambdaContext)
            || !handler.ReturnType.IsGenericType || handler.ReturnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            throw new InvalidOperationException($"{handlerString.MethodName} must be an instance method (TInput, ILambdaContext) returning Task<TOutput>.");
        }

        var attribute = handler.GetCustomAttribute<LambdaSerializerAttribute>() ?? assembly.GetCustomAttribute<LambdaSerializerAttribute>()
            ?? throw new InvalidOperationException($"Neither {handlerString.MethodName} nor {handlerString.AssemblyName} names a serializer with [LambdaSerializer].");
        var serializer = (ILambdaSerializer)Activator.CreateInstance(attribute.SerializerType)!;
        var constructor = type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, FactoryConstructor)
            ?? throw new InvalidOperationException($"{handlerString.TypeName} has no constructor taking its client factories ({string.Join(", ", FactoryConstructor.Select(t => t.Name))}).");
        var environment = VendingSettings.VariableNames.ToDictionary(name => name, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        var function = constructor.Invoke(
            [
                environment,
                new AmazonSecretsManagerClient(),
                (Func<MomentoKey, IAuthClient>)momento.CreateAuthClient,
                (Func<MomentoKey, ICacheClient>)momento.CreateCacheClient,
                TimeProvider.System,
            ]);
        return new UserCode(assembly, function, handler, serializer);
    }

    /// <summary>Deserializes <paramref name="eventJson"/> with the function's serializer, calls the handler, and serializes its answer.</summary>
    public async Task<string> InvokeAsync(string eventJson, ILambdaContext context)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(eventJson));
        var request = deserialize.Invoke(serializer, [input]);
        var answer = (Task)handler.Invoke(function, [request, context])!;
        await answer;
        using var output = new MemoryStream();
        serialize.Invoke(serializer, [answer.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(answer), output]);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    public void Dispose() => (function as IDisposable)?.Dispose();
}
