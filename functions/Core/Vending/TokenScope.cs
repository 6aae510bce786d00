using System.Globalization;
using System.Text;

namespace MomentoTokenVending.Core.Vending;

/// <summary>The permissions every vended token carries: one cache, one role, all topics or a topic-name prefix.</summary>
public sealed class TokenScope
{
    /// <summary>Creates the scope; <paramref name="topicPrefix"/> <see langword="null"/> means all topics.</summary>
    public TokenScope(string cacheName, TokenRole role, string? topicPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheName);
        if (topicPrefix is { Length: 0 })
        {
            throw new ArgumentException("A topic prefix is either absent or non-empty.", nameof(topicPrefix));
        }

        CacheName = cacheName;
        Role = role;
        TopicPrefix = topicPrefix;

        // Length-prefixed parts keep the descriptor unambiguous whatever the names contain.
        Descriptor = string.Create(
            CultureInfo.InvariantCulture,
            $"{RoleName(role)}|{cacheName.Length}:{cacheName}|{(topicPrefix is null ? "*" : $"{topicPrefix.Length}:{topicPrefix}")}");
        DescriptorUtf8 = Encoding.UTF8.GetBytes(Descriptor);
    }

    /// <summary>The Momento cache whose topics the token may use.</summary>
    public string CacheName { get; }

    /// <summary>Subscribe-only or publish-subscribe.</summary>
    public TokenRole Role { get; }

    /// <summary>The topic-name prefix the token is limited to, or <see langword="null"/> for all topics.</summary>
    public string? TopicPrefix { get; }

    /// <summary>A stable, unambiguous text form of the scope; part of every caller key.</summary>
    public string Descriptor { get; }

    internal ReadOnlyMemory<byte> DescriptorUtf8 { get; }

    /// <summary>The setting value naming <paramref name="role"/>: <c>subscribe-only</c> or <c>publish-subscribe</c>.</summary>
    public static string RoleName(TokenRole role) => role switch
    {
        TokenRole.SubscribeOnly => "subscribe-only",
        TokenRole.PublishSubscribe => "publish-subscribe",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <inheritdoc />
    public override string ToString() => Descriptor;
}
