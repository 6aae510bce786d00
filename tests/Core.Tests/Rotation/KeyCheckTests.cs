using System.Text.Json;
using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class KeyCheckTests
{
    private const string OtherVersion = "77777777-7777-7777-7777-777777777777";

    private readonly RotationWorld world = new();

    [Fact]
    public async Task Check_SeededKey_ReturnsAndLogsTheOneLineSummary()
    {
        var result = await world.CheckAsync();

        Assert.Equal(
            new KeyCheckResult(RotationWorld.SecretArn, RotationWorld.SeedVersion, world.Current.ValidUntil.ToUnixTimeSeconds(), 240, RotationEnabled: false, PendingVersionId: null),
            result);
        Assert.Contains(
            $"Information: Key check of {RotationWorld.SecretArn}: AWSCURRENT is version {RotationWorld.SeedVersion}, valid until 2026-12-03T12:00:00.0000000+00:00, 240 hours left; rotation on: False",
            world.Log.Lines.Select(line => line.TrimEnd()));
        Assert.DoesNotContain(world.Log.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_RotationOn_SaysSo()
    {
        world.Store.RotationEnabled = true;

        var result = await world.CheckAsync();

        Assert.True(result.RotationEnabled);
        Assert.Contains(world.Log.Lines, line => line.StartsWith("Information: Key check", StringComparison.Ordinal) && line.Contains("rotation on: True", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_AfterARotation_SeesTheNewKeyAndNoStalePending()
    {
        await world.RotateAsync("11111111-1111-1111-1111-111111111111");

        var result = await world.CheckAsync();

        Assert.Equal("11111111-1111-1111-1111-111111111111", result.VersionId);
        Assert.Equal(world.Momento.Issued[1].ValidUntil.ToUnixTimeSeconds(), result.ValidUntil);
        Assert.Null(result.PendingVersionId);
    }

    [Fact]
    public async Task Check_AnotherVersionHoldsPending_NotesItAndChangesNothing()
    {
        world.Store.BeginRotation(OtherVersion);

        var result = await world.CheckAsync();

        Assert.Equal(OtherVersion, result.PendingVersionId);
        Assert.Contains(world.Log.Lines, line => line.StartsWith($"Warning: Version {OtherVersion} holds AWSPENDING beside AWSCURRENT version {RotationWorld.SeedVersion}", StringComparison.Ordinal));
        Assert.Equal([SecretStages.Pending], world.Store.StagesOf(OtherVersion));
    }

    [Fact]
    public async Task Check_KeyPastValidUntil_ReportsANegativeFigureAndLogsTheExpiryWithoutFailing()
    {
        world.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(6));

        var result = await world.CheckAsync();

        Assert.Equal(-6, result.HoursLeft);
        Assert.EndsWith("\"KeyHoursRemaining\":-6}", Assert.Single(world.Metrics.Documents), StringComparison.Ordinal);
        Assert.Contains(world.Log.Lines, line => line.StartsWith($"Error: The key of AWSCURRENT version {RotationWorld.SeedVersion} expired at", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"refreshToken": "r", "validUntil": 1800000000}""", "authToken")]
    [InlineData("""{"authToken": "not-a-key", "validUntil": 1800000000}""", "authToken")]
    [InlineData("""{"authToken": "KEY"}""", "validUntil")]
    [InlineData("""{"authToken": "KEY", "validUntil": "soon"}""", "validUntil")]
    [InlineData("[]", "(document)")]
    public async Task Check_MalformedCurrent_FailsNamingTheFieldAndReportsNothing(string value, string field)
    {
        await world.Store.PutAsync(OtherVersion, value.Replace("KEY", TestKeys.V1().Value, StringComparison.Ordinal), [SecretStages.Current], CancellationToken.None);

        var error = await Assert.ThrowsAsync<RotationException>(world.CheckAsync);

        Assert.StartsWith($"AWSCURRENT (version {OtherVersion}) is not a valid token bundle: {field}:", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Metrics.Documents);
        Assert.Contains(world.Log.Lines, line => line.StartsWith("Error: Key check failed: AWSCURRENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_NoCurrentVersion_FailsSayingHowToSeed()
    {
        var refresher = new Refresher(
            new RefresherSettings(RotationWorld.SecretArn), new InMemorySecretVersions(), world.Momento, world.Clock, world.Log, world.Metrics);
        using var check = JsonDocument.Parse("""{"check": {}}""");

        var error = await Assert.ThrowsAsync<RotationException>(() => refresher.HandleAsync(check.RootElement, CancellationToken.None));

        Assert.Contains("no AWSCURRENT version; seed it", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Metrics.Documents);
    }
}
