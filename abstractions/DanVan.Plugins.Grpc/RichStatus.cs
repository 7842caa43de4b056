using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace DanVan.Plugins.Grpc;

/// <summary>
/// The rich error model: a <c>google.rpc.Status</c> with typed details (such as <see cref="BadRequest"/>)
/// carried in the <c>grpc-status-details-bin</c> trailer next to the plain status.
/// </summary>
public static class RichStatus
{
    /// <summary>An INVALID_ARGUMENT error listing each invalid field; descriptions are meant for people (Vietnamese in this product).</summary>
    public static RpcException InvalidArgument(string message, params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        foreach (var (field, description) in violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        }

        return Create(StatusCode.InvalidArgument, message, badRequest);
    }

    /// <summary>An error with the given code and typed details.</summary>
    public static RpcException Create(StatusCode code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message ?? "" };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }

    /// <summary>Turns a google.rpc.Status into an exception that sends it in grpc-status-details-bin.</summary>
    public static RpcException ToRpcException(this Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var trailers = new Metadata { { GrpcProtocol.StatusDetailsHeader, status.ToByteArray() } };
        return new RpcException(new Status((StatusCode)status.Code, status.Message), trailers);
    }

    /// <summary>The google.rpc.Status sent with the error, or null when there is none or it is malformed.</summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var bytes = exception.Trailers.GetValueBytes(GrpcProtocol.StatusDetailsHeader);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>The first detail of type <typeparamref name="T"/>, or null.</summary>
    public static T? GetDetail<T>(this Google.Rpc.Status status)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(status);
        var descriptor = new T().Descriptor;
        foreach (var any in status.Details)
        {
            if (any.Is(descriptor))
            {
                return any.Unpack<T>();
            }
        }

        return null;
    }
}
