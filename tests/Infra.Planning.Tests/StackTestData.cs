using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Infra.Planning.Tests;

/// <summary>Token files and folders for the stack tests; keys are fake but well-formed.</summary>
internal static class StackTestData
{
    public const string RefreshTokenText = "refresh-token-SECRET-7f3a";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static string LegacyKey() => TestKeys.Legacy("someone").Value;

    public static string V1Key() => TestKeys.V1("someone").Value;

    public static string V2Key() => TestKeys.V2("someone").Value;

    public static string TokenJson(string key, string? refreshToken, DateTimeOffset validUntil) =>
        TestKeys.File(key, refreshToken, validUntil.ToUnixTimeSeconds());

    public static TokenBundle Bundle(string? refreshToken = RefreshTokenText, TimeSpan? lifetime = null, string? key = null) =>
        TokenBundle.Parse(TokenJson(key ?? V1Key(), refreshToken, Now + (lifetime ?? TimeSpan.FromDays(30))));
}

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mtv-stack-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
