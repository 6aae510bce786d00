using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>
/// Fails every port and Momento call, before and after it runs, in every step, then lets the protocol
/// retry; the newest refresh token must survive every such run.
/// </summary>
public sealed class RotationInvariantTests
{
    public enum Path
    {
        /// <summary>A scheduled rotation fails; Secrets Manager retries it with the same ClientRequestToken.</summary>
        RotationRetriedWithSameToken,

        /// <summary>A scheduled rotation fails; a manual rotation follows, then Secrets Manager's retry of the first.</summary>
        RotationThenManualThenRetry,

        /// <summary>A manual rotation fails; the user runs it again.</summary>
        ManualRunAgain,
    }

    private const string FirstToken = "11111111-1111-1111-1111-111111111111";

    // Every invocation ends by reading AWSCURRENT once more to report the key's remaining life.
    private const string Report = "GetSecretValue(AWSCURRENT)";

    private static readonly string[] CallsOfAScheduledRotation =
    [
        "GetSecretValue(id)", "GetSecretValue(AWSCURRENT)", "DescribeSecret", "Momento.RefreshApiToken", "PutSecretValue", Report,
        Report,
        "GetSecretValue(id)", "GetSecretValue(AWSCURRENT)", Report,
        "GetSecretValue(id)", "GetSecretValue(AWSCURRENT)", "UpdateSecretVersionStage(AWSCURRENT)", Report,
    ];

    private static readonly string[] CallsOfAManualRotation =
    [
        "GetSecretValue(id)", "GetSecretValue(AWSCURRENT)", "DescribeSecret", "Momento.RefreshApiToken", "PutSecretValue",
        "GetSecretValue(id)", "GetSecretValue(AWSCURRENT)",
        "GetSecretValue(id)", "GetSecretValue(AWSCURRENT)", "UpdateSecretVersionStage(AWSCURRENT)", Report,
    ];

    public static TheoryData<Path, int, FaultPhase> Faults()
    {
        var data = new TheoryData<Path, int, FaultPhase>();
        foreach (var path in Enum.GetValues<Path>())
        {
            for (var call = 0; call < CallsOf(path).Length; call++)
            {
                data.Add(path, call, FaultPhase.Before);
                data.Add(path, call, FaultPhase.After);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Rotation_FaultThenRetry_NewestRefreshTokenKeptAndCurrentWorks(Path path, int faultAt, FaultPhase phase)
    {
        var world = new RotationWorld();
        world.Faults.FaultAt = faultAt;
        world.Faults.Phase = phase;

        await Record.ExceptionAsync(() => FirstRunAsync(world, path));
        var replyLost = world.Momento.AcceptedRefreshToken != world.Momento.NewestDelivered;
        world.Faults.FaultAt = null;
        AssertInvariants(world);

        var retry = await Record.ExceptionAsync(() => RetryAsync(world, path));

        AssertInvariants(world);
        if (replyLost)
        {
            // Momento spent the stored refresh token but its answer never arrived: only re-seeding helps,
            // and the old key keeps working until it expires.
            Assert.IsType<RotationException>(retry);
            Assert.Equal(TokenBundle.Parse(world.Store.ValueOf(RotationWorld.SeedVersion)!), world.Current);
        }
        else
        {
            Assert.Null(retry);
            Assert.Equal(world.Momento.NewestDelivered, world.Current.RefreshToken);
            Assert.True(world.Current.ValidUntil > world.Momento.Issued[0].ValidUntil);
        }
    }

    [Theory]
    [InlineData(Path.RotationRetriedWithSameToken)]
    [InlineData(Path.ManualRunAgain)]
    public async Task FirstRun_NoFault_MakesTheCallsTheFaultsCover(Path path)
    {
        var world = new RotationWorld();

        await FirstRunAsync(world, path);

        Assert.Equal(CallsOf(path), world.Faults.Calls);
    }

    private static string[] CallsOf(Path path) => path == Path.ManualRunAgain ? CallsOfAManualRotation : CallsOfAScheduledRotation;

    private static Task FirstRunAsync(RotationWorld world, Path path) =>
        path == Path.ManualRunAgain ? world.RotateManuallyAsync() : world.RotateAsync(FirstToken);

    private static async Task RetryAsync(RotationWorld world, Path path)
    {
        switch (path)
        {
            case Path.RotationRetriedWithSameToken:
                await world.RotateAsync(FirstToken);
                break;
            case Path.RotationThenManualThenRetry:
                await world.RotateManuallyAsync();
                await world.RotateAsync(FirstToken);
                break;
            default:
                await world.RotateManuallyAsync();
                break;
        }
    }

    private static void AssertInvariants(RotationWorld world)
    {
        Assert.False(world.Current.IsExpired(world.Clock));

        var labelled = world.Store.History
            .Where(id => world.Store.StagesOf(id).Count > 0 && world.Store.ValueOf(id) is not null)
            .Select(id => TokenBundle.Parse(world.Store.ValueOf(id)!).RefreshToken);
        Assert.Contains(world.Momento.NewestDelivered, labelled);

        Assert.All(world.Momento.IssuedFor.GroupBy(token => token), refreshes => Assert.Single(refreshes));
    }
}
