namespace MomentoTokenVending.Core.Momento;

/// <summary>How a unary gRPC call ended: its status and, when that is <see cref="GrpcStatus.Ok"/>, the reply.</summary>
internal readonly record struct GrpcReply<T>(GrpcStatus Status, T? Message)
    where T : class;
