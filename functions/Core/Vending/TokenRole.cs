namespace MomentoTokenVending.Core.Vending;

/// <summary>What a vended token may do on the scoped topics.</summary>
public enum TokenRole
{
    /// <summary>Subscribe only (<c>subscribe-only</c>, the default).</summary>
    SubscribeOnly,

    /// <summary>Publish and subscribe (<c>publish-subscribe</c>).</summary>
    PublishSubscribe,
}
