namespace MomentoTokenVending.Core.Tests.Tokens;

public sealed class TokenBundleTests
{
}
