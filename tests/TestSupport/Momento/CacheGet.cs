namespace MomentoTokenVending.TestSupport.Momento;

/// <summary>A <c>cache_client.Scs/Get</c> the cache service answered.</summary>
/// <param name="CacheName">The cache (the call's <c>cache</c> header).</param>
/// <param name="Key">The item key, read as UTF-8.</param>
/// <param name="Hit">Whether a live item was found.</param>
/// <param name="Metadata">The call's metadata.</param>
public sealed record CacheGet(string CacheName, string Key, bool Hit, CallMetadata Metadata);
