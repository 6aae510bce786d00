using MomentoTokenVending.Core.Tokens;
using MomentoTokenVending.Core.Vending;

namespace MomentoTokenVending.Core.Tests.Vending;

public sealed class KeyedClientTests
{
    private readonly List<FakeClient> created = [];

    [Fact]
    public void For_SameKeyTwice_BuildsOneClient()
    {
        using var sut = CreateSut();

        var first = sut.For(TestKeys.V1());
        var second = sut.For(TestKeys.V1());

        Assert.Same(first, second);
        Assert.Single(created);
    }

    [Fact]
    public void For_KeyChanged_BuildsANewClientAndKeepsTheOldOneOpen()
    {
        using var sut = CreateSut();
        var old = sut.For(TestKeys.V1("old-key"));

        var fresh = sut.For(TestKeys.V1("new-key"));

        Assert.NotSame(old, fresh);
        Assert.False(old.Disposed);
        Assert.Equal(TestKeys.V1("new-key").Value, fresh.Key.Value);
    }

    [Fact]
    public void For_KeyChangedTwice_DisposesOnlyTheFirstClient()
    {
        using var sut = CreateSut();
        var first = sut.For(TestKeys.V1("first-key"));
        var second = sut.For(TestKeys.V1("second-key"));

        var third = sut.For(TestKeys.V1("third-key"));

        Assert.True(first.Disposed);
        Assert.False(second.Disposed);
        Assert.False(third.Disposed);
    }

    [Fact]
    public void Dispose_AfterAKeyChange_DisposesBothClientsAndRefusesMore()
    {
        var sut = CreateSut();
        var old = sut.For(TestKeys.V1("old-key"));
        var current = sut.For(TestKeys.V1("new-key"));

        sut.Dispose();

        Assert.True(old.Disposed);
        Assert.True(current.Disposed);
        Assert.Throws<ObjectDisposedException>(() => sut.For(TestKeys.V1()));
    }

    private KeyedClient<FakeClient> CreateSut() => new(key =>
    {
        var client = new FakeClient(key);
        created.Add(client);
        return client;
    });

    private sealed class FakeClient(MomentoKey key) : IDisposable
    {
        public MomentoKey Key { get; } = key;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
