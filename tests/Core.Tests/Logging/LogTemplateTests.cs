using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Logging;

namespace MomentoTokenVending.Core.Tests.Logging;

public sealed partial class LogTemplateTests
{
    private readonly CapturingLogger logger = new();

    [Fact]
    public void Split_LoggerMessageState_TemplateAndArgumentsInOrder()
    {
        Sample(logger, "TIMEOUT_ERROR", 3);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("Cache failed with {ErrorCode} after {Attempts} attempts", entry.Template);
        Assert.Equal(["TIMEOUT_ERROR", 3], entry.Args);
    }

    [Fact]
    public void Split_ExtensionMethodState_TemplateAndArguments()
    {
#pragma warning disable CA1848, CA2254 // The point is the state LogWarning builds, not performance.
        logger.LogWarning("Value {Value} and {Other}", 1, null);
#pragma warning restore CA1848, CA2254

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("Value {Value} and {Other}", entry.Template);
        Assert.Equal([1, "(null)"], entry.Args);
    }

    [Fact]
    public void Split_StateWithoutTemplate_FormattedMessageAsTheOnlyArgument()
    {
        var (template, args) = LogTemplate.Split(new { Text = "x" }, "plain {not a placeholder}");

        Assert.Equal(LogTemplate.MessageOnlyTemplate, template);
        Assert.Equal(["plain {not a placeholder}"], args);
    }

    [Fact]
    public void Split_KeyValueStateWithoutOriginalFormat_FormattedMessageAsTheOnlyArgument()
    {
        var state = new List<KeyValuePair<string, object?>> { new("A", 1) };

        var (template, args) = LogTemplate.Split(state, "formatted");

        Assert.Equal(LogTemplate.MessageOnlyTemplate, template);
        Assert.Equal(["formatted"], args);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache failed with {ErrorCode} after {Attempts} attempts")]
    private static partial void Sample(ILogger logger, string errorCode, int attempts);
}
