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
    public void For_KeyChanged_BuildsANewClientAndDisposesTheOld()
    {
        using var sut = CreateSut();
        var old = sut.For(TestKeys.V1("old-key"));

        var fresh = sut.For(TestKeys.V1("new-key"));

        Assert.NotSame(old, fresh);
        Assert.True(old.Disposed);
        Assert.False(fresh.Disposed);
        Assert.Equal(TestKeys.V1("new-key").Value, fresh.Key.Value);
    }

    [Fact]
    public void Dispose_AfterUse_DisposesTheCurrentClientAndRefusesMore()
    {
        var sut = CreateSut();
        var client = sut.For(TestKeys.V1());

        sut.Dispose();

        Assert.True(client.Disposed);
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
