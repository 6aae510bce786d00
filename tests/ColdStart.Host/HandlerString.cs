namespace MomentoTokenVending.ColdStart.Host;

/// <summary>A Lambda handler string, <c>Assembly::Namespace.Type::Method</c>, split as Lambda's .NET runtime splits it.</summary>
internal sealed record HandlerString(string AssemblyName, string TypeName, string MethodName)
{
    private const string Separator = "::";

    /// <summary>Splits <paramref name="value"/>; throws a <see cref="FormatException"/> naming the format when a part is missing.</summary>
    public static HandlerString Parse(string value)
    {
        var parts = value.Split(Separator, 3);
        return parts.Length == 3 && !parts.Any(string.IsNullOrWhiteSpace)
            ? new HandlerString(parts[0], parts[1], parts[2])
            : throw new FormatException($"Invalid handler string '{value}': the format is ASSEMBLY::TYPE::METHOD.");
    }
}
