using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Moq;
using MomentoTokenVending.Core;
using MomentoTokenVending.Core.Rotation;
using MomentoTokenVending.TokenRefresh;

namespace MomentoTokenVending.Functions.Tests.TokenRefresh;

public sealed class SecretsManagerVersionsTests
{
    private const string SecretId = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:momento-key-AbCdEf";
    private const string VersionId = "11111111-1111-1111-1111-111111111111";

    private readonly Mock<IAmazonSecretsManager> client = new(MockBehavior.Strict);

    [Fact]
    public async Task DescribeAsync_Versions_MapsEachVersionToItsStages()
    {
        client.Setup(c => c.DescribeSecretAsync(It.Is<DescribeSecretRequest>(r => r.SecretId == SecretId), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeSecretResponse
            {
                VersionIdsToStages = new Dictionary<string, List<string>>
                {
                    ["a"] = ["AWSCURRENT"],
                    ["b"] = ["AWSPENDING", "AWSPREVIOUS"],
                },
            });

        var versions = (await CreateSut().DescribeAsync(CancellationToken.None)).VersionStages;

        Assert.Equal(["AWSCURRENT"], versions["a"]);
        Assert.Equal(["AWSPENDING", "AWSPREVIOUS"], versions["b"]);
    }

    [Fact]
    public async Task DescribeAsync_NoVersionCollection_ReturnsEmpty()
    {
        client.Setup(c => c.DescribeSecretAsync(It.IsAny<DescribeSecretRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeSecretResponse { VersionIdsToStages = null });

        Assert.Empty((await CreateSut().DescribeAsync(CancellationToken.None)).VersionStages);
    }

    [Fact]
    public async Task DescribeAsync_VersionWithoutStageList_ReturnsNoStages()
    {
        client.Setup(c => c.DescribeSecretAsync(It.IsAny<DescribeSecretRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeSecretResponse { VersionIdsToStages = new Dictionary<string, List<string>> { ["a"] = null! } });

        Assert.Empty((await CreateSut().DescribeAsync(CancellationToken.None)).VersionStages["a"]);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(null, false)]
    public async Task DescribeAsync_RotationEnabled_IsFalseUnlessSecretsManagerSaysTrue(bool? reported, bool expected)
    {
        client.Setup(c => c.DescribeSecretAsync(It.IsAny<DescribeSecretRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeSecretResponse { RotationEnabled = reported });

        Assert.Equal(expected, (await CreateSut().DescribeAsync(CancellationToken.None)).RotationEnabled);
    }

    [Fact]
    public async Task GetByStageAsync_Stored_AsksForTheStageAndReturnsTheVersion()
    {
        client.Setup(c => c.GetSecretValueAsync(
                It.Is<GetSecretValueRequest>(r => r.SecretId == SecretId && r.VersionStage == SecretStages.Current && r.VersionId == null),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetSecretValueResponse { VersionId = VersionId, SecretString = "{}" });

        var version = await CreateSut().GetByStageAsync(SecretStages.Current, CancellationToken.None);

        Assert.Equal(VersionId, version?.VersionId);
        Assert.Equal("{}", version?.Value);
    }

    [Fact]
    public async Task GetByIdAsync_Stored_AsksForTheVersion()
    {
        client.Setup(c => c.GetSecretValueAsync(
                It.Is<GetSecretValueRequest>(r => r.SecretId == SecretId && r.VersionId == VersionId && r.VersionStage == null),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetSecretValueResponse { VersionId = VersionId, SecretString = "{}" });

        Assert.Equal(VersionId, (await CreateSut().GetByIdAsync(VersionId, CancellationToken.None))?.VersionId);
    }

    [Fact]
    public async Task GetByIdAsync_NotFound_ReturnsNull()
    {
        client.Setup(c => c.GetSecretValueAsync(It.IsAny<GetSecretValueRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ResourceNotFoundException("Secrets Manager can't find the specified secret value for VersionId"));

        Assert.Null(await CreateSut().GetByIdAsync(VersionId, CancellationToken.None));
    }

    [Fact]
    public async Task GetByIdAsync_BinarySecret_ThrowsNamingTheVersion()
    {
        client.Setup(c => c.GetSecretValueAsync(It.IsAny<GetSecretValueRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GetSecretValueResponse { VersionId = VersionId, SecretString = null });

        var error = await Assert.ThrowsAsync<RotationException>(() => CreateSut().GetByIdAsync(VersionId, CancellationToken.None));

        Assert.Contains(VersionId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_Value_SendsTokenValueAndStages()
    {
        PutSecretValueRequest? sent = null;
        client.Setup(c => c.PutSecretValueAsync(It.IsAny<PutSecretValueRequest>(), It.IsAny<CancellationToken>()))
            .Callback<PutSecretValueRequest, CancellationToken>((request, _) => sent = request)
            .ReturnsAsync(new PutSecretValueResponse());

        await CreateSut().PutAsync(VersionId, "{\"authToken\":\"x\"}", [SecretStages.Pending], CancellationToken.None);

        Assert.NotNull(sent);
        Assert.Equal(SecretId, sent.SecretId);
        Assert.Equal(VersionId, sent.ClientRequestToken);
        Assert.Equal("{\"authToken\":\"x\"}", sent.SecretString);
        Assert.Equal([SecretStages.Pending], sent.VersionStages);
    }

    [Theory]
    [InlineData("22222222-2222-2222-2222-222222222222")]
    [InlineData(null)]
    public async Task MoveStageAsync_Stage_SendsMoveAndRemove(string? from)
    {
        client.Setup(c => c.UpdateSecretVersionStageAsync(
                It.Is<UpdateSecretVersionStageRequest>(r =>
                    r.SecretId == SecretId && r.VersionStage == SecretStages.Current && r.MoveToVersionId == VersionId && r.RemoveFromVersionId == from),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UpdateSecretVersionStageResponse());

        await CreateSut().MoveStageAsync(SecretStages.Current, VersionId, from, CancellationToken.None);

        client.VerifyAll();
    }

    private SecretsManagerVersions CreateSut() => new(client.Object, SecretId);
}
