namespace MomentoTokenVending.Core.Rotation;

/// <summary>The four steps of Secrets Manager's rotation protocol.</summary>
internal enum RotationStep
{
    CreateSecret,
    SetSecret,
    TestSecret,
    FinishSecret,
}
