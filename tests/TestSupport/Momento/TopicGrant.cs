namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>One topic permission a disposable token was asked for.</summary>
/// <param name="Access">What the token may do on the topics.</param>
/// <param name="CacheName">The cache, or null for all caches.</param>
/// <param name="TopicName">The one topic, or null.</param>
/// <param name="TopicNamePrefix">The prefix of the topics' names, or null; with <paramref name="TopicName"/> null too, all topics.</param>
public sealed record TopicGrant(TopicAccess Access, string? CacheName, string? TopicName = null, string? TopicNamePrefix = null);
