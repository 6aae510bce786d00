namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>A <c>cache_client.Scs/Set</c> the cache service stored.</summary>
/// <param name="CacheName">The cache (the call's <c>cache</c> header).</param>
/// <param name="Key">The item key, read as UTF-8.</param>
/// <param name="Value">The value, read as UTF-8.</param>
/// <param name="Ttl">The item's time to live (<c>ttl_milliseconds</c>).</param>
/// <param name="Metadata">The call's metadata.</param>
public sealed record CacheSet(string CacheName, string Key, string Value, TimeSpan Ttl, CallMetadata Metadata);
