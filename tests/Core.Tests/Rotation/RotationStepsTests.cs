using Moq;
using MomentoTokenVending.Core.Momento;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.Core.Tests.Momento;
using MomentoTokenVending.Core.Tokens;

namespace MomentoTokenVending.Core.Tests.Rotation;

public sealed class RotationStepsTests
{
    private const string Token = "22222222-2222-2222-2222-222222222222";
    private const string OtherToken = "33333333-3333-3333-3333-333333333333";

    private readonly RotationWorld world = new();

    [Fact]
    public async Task CreateSecret_NoPendingVersion_StoresRefreshedKeyAsPendingUnderToken()
    {
        await CreateAsync(Token);

        Assert.Equal(world.Momento.Issued[1].ToJson(), world.Store.ValueOf(Token));
        Assert.Equal([SecretStages.Pending], world.Store.StagesOf(Token));
        Assert.Equal(RotationWorld.SeedVersion, world.Store.HolderOf(SecretStages.Current));
    }

    [Fact]
    public async Task CreateSecret_Repeated_RefreshesOnce()
    {
        await CreateAsync(Token);
        await CreateAsync(Token);

        Assert.Single(world.Momento.IssuedFor);
    }

    [Fact]
    public async Task CreateSecret_NewerKeyPendingOnAnotherVersion_CarriesItForwardWithoutRefreshing()
    {
        await CreateAsync(OtherToken);

        await CreateAsync(Token);

        Assert.Single(world.Momento.IssuedFor);
        Assert.Equal(world.Store.ValueOf(OtherToken), world.Store.ValueOf(Token));
        Assert.Equal(Token, world.Store.HolderOf(SecretStages.Pending));
    }

    [Fact]
    public async Task CreateSecret_PendingElsewhereWithoutValue_RefreshesAndTakesTheLabel()
    {
        world.Store.BeginRotation(OtherToken);

        await CreateAsync(Token);

        Assert.Single(world.Momento.IssuedFor);
        Assert.Equal(Token, world.Store.HolderOf(SecretStages.Pending));
        Assert.Empty(world.Store.StagesOf(OtherToken));
    }

    [Fact]
    public async Task CreateSecret_TokenBegunByRotateSecret_RefreshesIntoThatVersion()
    {
        world.Store.BeginRotation(Token);

        await CreateAsync(Token);

        Assert.Equal(world.Momento.Issued[1].ToJson(), world.Store.ValueOf(Token));
        Assert.Equal([SecretStages.Pending], world.Store.StagesOf(Token));
    }

    [Theory]
    [InlineData("{\"authToken\": 42}", "authToken")]
    [InlineData("not json at all", "(document)")]
    public async Task CreateSecret_PendingElsewhereUnreadable_RefusesNamingVersionAndField(string value, string field)
    {
        await world.Store.PutAsync(OtherToken, value, [SecretStages.Pending], CancellationToken.None);

        var error = await Assert.ThrowsAsync<RotationException>(() => CreateAsync(Token));

        Assert.Contains(OtherToken, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Momento.IssuedFor);
        Assert.Equal(OtherToken, world.Store.HolderOf(SecretStages.Pending));
    }

    [Fact]
    public async Task CreateSecret_PendingElsewhereNotNewerThanCurrent_Refuses()
    {
        var older = new TokenBundle(TestKeys.V1("some-other-key"), "older-refresh-token", world.Current.ValidUntil.AddDays(-1));
        await world.Store.PutAsync(OtherToken, older.ToJson(), [SecretStages.Pending], CancellationToken.None);

        var error = await Assert.ThrowsAsync<RotationException>(() => CreateAsync(Token));

        Assert.Contains("not newer than AWSCURRENT", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Momento.IssuedFor);
    }

    [Theory]
    [InlineData(KeyRefreshStatus.Rejected)]
    [InlineData(KeyRefreshStatus.NotRefreshable)]
    [InlineData(KeyRefreshStatus.Transient)]
    [InlineData(KeyRefreshStatus.Failed)]
    public async Task CreateSecret_RefreshNotDone_ThrowsNamingStatusAndStoresNothing(KeyRefreshStatus status)
    {
        world.Momento.Answer = status switch
        {
            KeyRefreshStatus.Rejected => KeyRefreshResult.Rejected("no"),
            KeyRefreshStatus.NotRefreshable => KeyRefreshResult.NotRefreshable("no"),
            KeyRefreshStatus.Transient => KeyRefreshResult.Transient("no"),
            _ => KeyRefreshResult.Failed("no"),
        };

        var error = await Assert.ThrowsAsync<RotationException>(() => CreateAsync(Token));

        Assert.Contains(status.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal([RotationWorld.SeedVersion], world.Store.History);
    }

    [Fact]
    public async Task CreateSecret_CurrentNotABundle_ThrowsNamingFieldWithoutRefreshing()
    {
        await world.Store.PutAsync(OtherToken, "{\"authToken\": \"not-a-key\", \"validUntil\": 1}", [SecretStages.Current], CancellationToken.None);

        var error = await Assert.ThrowsAsync<RotationException>(() => CreateAsync(Token));

        Assert.Contains("AWSCURRENT", error.Message, StringComparison.Ordinal);
        Assert.Contains("authToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key", error.Message, StringComparison.Ordinal);
        Assert.Empty(world.Momento.IssuedFor);
    }

    [Fact]
    public async Task CreateSecret_PutFailsOnce_TriesAgainAndStores()
    {
        world.Faults.FaultAt = 4;

        await CreateAsync(Token);

        Assert.Equal(world.Momento.Issued[1].ToJson(), world.Store.ValueOf(Token));
        Assert.Contains(world.Log.Lines, line => line.StartsWith("Warning: Storing version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateSecret_PutAlwaysFails_GivesUpAfterAttemptsAndLogsCritical()
    {
        world.Faults.AlwaysFails = name => name == "PutSecretValue";

        await Assert.ThrowsAsync<InjectedFaultException>(() => CreateAsync(Token));

        Assert.Equal(RotationSteps.StoreAttempts, world.Faults.Calls.Count(name => name == "PutSecretValue"));
        Assert.Contains(world.Log.Lines, line => line.StartsWith("Critical:", StringComparison.Ordinal) && line.Contains("re-seeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateSecret_InvocationCancelledAfterMomentoAnswered_StillStoresTheNewKey()
    {
        using var invocation = new CancellationTokenSource();
        world.Momento.OnRefreshed = invocation.Cancel;

        await world.InvokeAsync(RotationWorld.RotationEvent("createSecret", Token), invocation.Token);

        Assert.Equal(world.Momento.Issued[1].ToJson(), world.Store.ValueOf(Token));
    }

    [Fact]
    public async Task CreateSecret_InvocationCancelledBeforeRefresh_ThrowsWithoutRefreshing()
    {
        using var invocation = new CancellationTokenSource();
        await invocation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => world.InvokeAsync(RotationWorld.RotationEvent("createSecret", Token), invocation.Token));

        Assert.Empty(world.Momento.IssuedFor);
    }

    [Fact]
    public async Task SetSecret_Any_OnlyReadsTheCurrentKeyToReportIt()
    {
        await world.InvokeAsync(RotationWorld.RotationEvent("setSecret", Token));

        Assert.Equal(["GetSecretValue(AWSCURRENT)"], world.Faults.Calls);
    }

    [Fact]
    public async Task TestSecret_NothingCreated_Refuses()
    {
        var error = await Assert.ThrowsAsync<RotationException>(() => world.InvokeAsync(RotationWorld.RotationEvent("testSecret", Token)));

        Assert.Contains("createSecret has not stored it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestSecret_PendingExpired_Refuses()
    {
        await CreateAsync(Token);
        world.Clock.Advance(TimeSpan.FromDays(31));

        var error = await Assert.ThrowsAsync<RotationException>(() => world.InvokeAsync(RotationWorld.RotationEvent("testSecret", Token)));

        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestSecret_PendingSameExpiryButOtherKey_Refuses()
    {
        var twin = new TokenBundle(TestKeys.V1("some-other-key"), "twin-refresh-token", world.Current.ValidUntil);
        await world.Store.PutAsync(Token, twin.ToJson(), [SecretStages.Pending], CancellationToken.None);

        var error = await Assert.ThrowsAsync<RotationException>(() => world.InvokeAsync(RotationWorld.RotationEvent("testSecret", Token)));

        Assert.Contains("no later than AWSCURRENT", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TestSecret_LiveCheck_DecidesWithThePendingKey(bool working)
    {
        var liveCheck = new Mock<IKeyLiveCheck>();
        liveCheck.Setup(check => check.IsWorkingAsync(It.IsAny<MomentoKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(working);
        world.LiveCheck = liveCheck.Object;
        await CreateAsync(Token);

        var error = await Record.ExceptionAsync(() => world.InvokeAsync(RotationWorld.RotationEvent("testSecret", Token)));

        Assert.Equal(working, error is null);
        liveCheck.Verify(check => check.IsWorkingAsync(
            It.Is<MomentoKey>(key => key.Value == world.Momento.Issued[1].Key.Value), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task FinishSecret_Tested_MovesCurrentAndMarksOldVersionPrevious()
    {
        await world.RotateAsync(Token);

        Assert.Equal(Token, world.Store.HolderOf(SecretStages.Current));
        Assert.Equal(RotationWorld.SeedVersion, world.Store.HolderOf(SecretStages.Previous));
        Assert.Equal(world.Momento.Issued[1], world.Current);
    }

    [Fact]
    public async Task FinishSecret_Repeated_MovesNothing()
    {
        await world.RotateAsync(Token);

        await world.InvokeAsync(RotationWorld.RotationEvent("finishSecret", Token));

        Assert.Single(world.Faults.Calls, name => name.StartsWith("UpdateSecretVersionStage", StringComparison.Ordinal));
        Assert.Equal(RotationWorld.SeedVersion, world.Store.HolderOf(SecretStages.Previous));
    }

    [Fact]
    public async Task FinishSecret_ManualRotationRanBetweenSteps_PromotesTheSameKey()
    {
        await CreateAsync(Token);
        var manual = await world.RotateManuallyAsync();

        await world.InvokeAsync(RotationWorld.RotationEvent("testSecret", Token));
        await world.InvokeAsync(RotationWorld.RotationEvent("finishSecret", Token));

        Assert.Single(world.Momento.IssuedFor);
        Assert.Equal(world.Store.ValueOf(manual.VersionId), world.Store.ValueOf(Token));
        Assert.Equal(world.Momento.Issued[1], world.Current);
    }

    [Fact]
    public async Task FinishSecret_OvertakenByNewerRotation_LeavesCurrentAlone()
    {
        await CreateAsync(Token);
        await world.RotateManuallyAsync();
        var newest = await world.RotateManuallyAsync();

        await world.InvokeAsync(RotationWorld.RotationEvent("testSecret", Token));
        await world.InvokeAsync(RotationWorld.RotationEvent("finishSecret", Token));

        Assert.Equal(newest.VersionId, world.Store.HolderOf(SecretStages.Current));
        Assert.Equal(world.Momento.Issued[2], world.Current);
    }

    private async Task CreateAsync(string token)
    {
        world.Momento.Context = token;
        await world.InvokeAsync(RotationWorld.RotationEvent("createSecret", token));
    }
}
