namespace MomentoTokenVending.Core.Momento;

/// <summary>Settings of <see cref="MomentoRefreshClient"/>.</summary>
public sealed record MomentoRefreshOptions
{
    /// <summary>How long one refresh call may take before it counts as <see cref="KeyRefreshStatus.Transient"/>.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>Agent</c> header sent with every call, as Momento's SDKs do.</summary>
    public string Agent { get; init; } = "dotnet:momento-token-vending";
}
