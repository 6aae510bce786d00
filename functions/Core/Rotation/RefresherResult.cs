using System.Text.Json.Serialization;

namespace MomentoTokenVending.Core.Rotation;

/// <summary>
/// What an invocation of the refresh function answers: a <see cref="ManualRotationResult"/> or a
/// <see cref="KeyCheckResult"/>. Written as the shape of the result alone, with no type marker.
/// </summary>
[JsonDerivedType(typeof(ManualRotationResult))]
[JsonDerivedType(typeof(KeyCheckResult))]
public abstract record RefresherResult;
