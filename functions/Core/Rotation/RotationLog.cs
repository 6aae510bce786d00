using Microsoft.Extensions.Logging;
using MomentoTokenVending.Core.Momento;

namespace MomentoTokenVending.Core.Rotation;

// Version ids, stages, statuses and times only: never a key, refresh token or secret value.
internal static partial class RotationLog
{
    [LoggerMessage(1, LogLevel.Information, "Rotation step {Step} for version {VersionId}")]
    public static partial void StepStarting(ILogger logger, RotationStep step, string versionId);

    [LoggerMessage(2, LogLevel.Information, "Version {VersionId} already has a value; createSecret does nothing")]
    public static partial void AlreadyCreated(ILogger logger, string versionId);

    [LoggerMessage(3, LogLevel.Information, "Carrying the newer key of interrupted version {FromVersionId} forward into version {VersionId} instead of refreshing again")]
    public static partial void CarriedForward(ILogger logger, string fromVersionId, string versionId);

    [LoggerMessage(4, LogLevel.Information, "Momento refreshed the key; the new key is valid until {ValidUntil:O}")]
    public static partial void Refreshed(ILogger logger, DateTimeOffset validUntil);

    [LoggerMessage(5, LogLevel.Error, "Momento did not refresh the key: {Status}, {Reason}")]
    public static partial void RefreshFailed(ILogger logger, KeyRefreshStatus status, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Storing version {VersionId} failed on attempt {Attempt} ({ErrorType}); trying again")]
    public static partial void StoreRetrying(ILogger logger, string versionId, int attempt, string errorType);

    [LoggerMessage(7, LogLevel.Critical, "The refreshed key could not be stored as version {VersionId}; Momento has spent the old refresh token, so the secret must be re-seeded before the current key expires at {CurrentValidUntil:O}")]
    public static partial void RefreshedKeyNotStored(ILogger logger, string versionId, DateTimeOffset currentValidUntil);

    [LoggerMessage(8, LogLevel.Information, "Stored version {VersionId} as AWSPENDING")]
    public static partial void Stored(ILogger logger, string versionId);

    [LoggerMessage(9, LogLevel.Information, "Version {VersionId} passed testSecret; valid until {ValidUntil:O}")]
    public static partial void Tested(ILogger logger, string versionId, DateTimeOffset validUntil);

    [LoggerMessage(10, LogLevel.Information, "Version {VersionId} already carries AWSCURRENT")]
    public static partial void AlreadyCurrent(ILogger logger, string versionId);

    [LoggerMessage(11, LogLevel.Information, "Moved AWSCURRENT to version {VersionId} from version {PreviousVersionId}")]
    public static partial void Promoted(ILogger logger, string versionId, string previousVersionId);

    [LoggerMessage(12, LogLevel.Information, "Manual rotation of {SecretId} as version {VersionId}")]
    public static partial void ManualRotation(ILogger logger, string secretId, string versionId);

    [LoggerMessage(14, LogLevel.Warning, "Version {VersionId} was overtaken by the newer AWSCURRENT version {CurrentVersionId}; nothing to do")]
    public static partial void Superseded(ILogger logger, string versionId, string currentVersionId);

    [LoggerMessage(15, LogLevel.Information, "Version {VersionId} holds AWSPENDING but no value; nothing to carry forward")]
    public static partial void EmptyPendingIgnored(ILogger logger, string versionId);

    [LoggerMessage(16, LogLevel.Information, "Key check of {SecretId}: AWSCURRENT is version {VersionId}, valid until {ValidUntil:O}, {HoursLeft} hours left; rotation on: {RotationEnabled}")]
    public static partial void Checked(ILogger logger, string secretId, string versionId, DateTimeOffset validUntil, double hoursLeft, bool rotationEnabled);

    [LoggerMessage(17, LogLevel.Warning, "Version {PendingVersionId} holds AWSPENDING beside AWSCURRENT version {VersionId}: a rotation is running or stopped half-way, and the next rotation carries its key forward or refuses (README, \"When a rotation fails\")")]
    public static partial void PendingNoted(ILogger logger, string pendingVersionId, string versionId);

    [LoggerMessage(18, LogLevel.Error, "The key of AWSCURRENT version {VersionId} expired at {ValidUntil:O}: every token request fails until the secret is re-seeded (README, \"Re-seeding\")")]
    public static partial void CurrentExpired(ILogger logger, string versionId, DateTimeOffset validUntil);

    [LoggerMessage(19, LogLevel.Error, "Key check failed: {Reason}")]
    public static partial void CheckFailed(ILogger logger, string reason);

    [LoggerMessage(20, LogLevel.Warning, "Could not report the key's remaining life ({ErrorType}); the next run reports it")]
    public static partial void KeyLifeNotReported(ILogger logger, string errorType);

    [LoggerMessage(13, LogLevel.Error, "Refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);
}
