using MomentoTokenVending.Core.Rotation;

namespace MomentoTokenVending.Core.Tests.Rotation;

/// <summary>The fake must follow Secrets Manager's staging rules, or the invariant tests prove nothing.</summary>
public sealed class InMemorySecretVersionsTests
{
    private readonly InMemorySecretVersions store = CreateSut();

    [Fact]
    public async Task PutAsync_SameIdSameValue_ChangesNothing()
    {
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);
        await store.MoveStageAsync(SecretStages.Current, "v1", "v0", CancellationToken.None);

        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);

        Assert.Equal("v1", store.HolderOf(SecretStages.Current));
        Assert.Equal("v0", store.HolderOf(SecretStages.Previous));
    }

    [Fact]
    public async Task PutAsync_SameIdOtherValue_Throws()
    {
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);

        await Assert.ThrowsAsync<FakeSecretsException>(() => store.PutAsync("v1", "two", [SecretStages.Pending], CancellationToken.None));
        Assert.Equal("one", store.ValueOf("v1"));
    }

    [Fact]
    public async Task PutAsync_StageHeldElsewhere_MovesIt()
    {
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);

        await store.PutAsync("v2", "two", [SecretStages.Pending], CancellationToken.None);

        Assert.Equal("v2", store.HolderOf(SecretStages.Pending));
        Assert.Empty(store.StagesOf("v1"));
        Assert.False((await store.DescribeAsync(CancellationToken.None)).VersionStages.ContainsKey("v1"));
    }

    [Fact]
    public async Task MoveStageAsync_Current_MarksTheOldVersionPrevious()
    {
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);

        await store.MoveStageAsync(SecretStages.Current, "v1", "v0", CancellationToken.None);

        Assert.Equal("v1", store.HolderOf(SecretStages.Current));
        Assert.Equal("v0", store.HolderOf(SecretStages.Previous));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v1")]
    public async Task MoveStageAsync_FromIsNotTheHolder_Throws(string? from)
    {
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);

        await Assert.ThrowsAsync<FakeSecretsException>(() => store.MoveStageAsync(SecretStages.Current, "v1", from, CancellationToken.None));
        Assert.Equal("v0", store.HolderOf(SecretStages.Current));
    }

    [Fact]
    public async Task BeginRotation_NewVersion_CarriesPendingWithoutValueUntilPut()
    {
        store.BeginRotation("v1");

        Assert.Null(await store.GetByIdAsync("v1", CancellationToken.None));
        Assert.Null(await store.GetByStageAsync(SecretStages.Pending, CancellationToken.None));
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);
        Assert.Equal("one", (await store.GetByStageAsync(SecretStages.Pending, CancellationToken.None))?.Value);
    }

    [Fact]
    public async Task BeginRotation_PendingOnAnotherVersion_Throws()
    {
        await store.PutAsync("v1", "one", [SecretStages.Pending], CancellationToken.None);

        Assert.Throws<FakeSecretsException>(() => store.BeginRotation("v2"));
    }

    private static InMemorySecretVersions CreateSut()
    {
        var sut = new InMemorySecretVersions();
        sut.Seed("v0", "zero");
        return sut;
    }
}
