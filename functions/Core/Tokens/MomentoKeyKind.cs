namespace MomentoTokenVending.Core.Tokens;

/// <summary>The three formats a Momento API key comes in.</summary>
public enum MomentoKeyKind
{
    /// <summary>Base64 of <c>{"api_key": "&lt;jwt&gt;", "endpoint": "&lt;cell host&gt;"}</c>.</summary>
    V1,

    /// <summary>A JWT whose claims carry the control (<c>cp</c>) and cache (<c>c</c>) endpoints.</summary>
    Legacy,

    /// <summary>A JWT with claim <c>t</c> = <c>g</c> and no endpoint; it cannot be refreshed.</summary>
    V2,
}
