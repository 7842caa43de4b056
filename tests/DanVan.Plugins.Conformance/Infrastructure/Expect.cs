using DanVan.Plugins.Grpc;
using Google.Rpc;
using Xunit.Sdk;

namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>Assertions on gRPC outcomes.</summary>
internal static class Expect
{
    /// <summary>The call fails with <paramref name="code"/>; returns the exception.</summary>
    public static async Task<RpcException> Status(StatusCode code, Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (RpcException e) when (e.StatusCode == code)
        {
            return e;
        }
        catch (RpcException e)
        {
            throw new XunitException($"{what}: expected {code}, got {e.StatusCode} \"{e.Status.Detail}\".");
        }

        throw new XunitException($"{what}: expected {code}, but the call succeeded.");
    }

    /// <summary>
    /// INVALID_ARGUMENT. google.rpc.BadRequest details are optional in danvan.host.v1; when the host sends
    /// them, a violation must name <paramref name="field"/>.
    /// </summary>
    public static async Task InvalidArgument(Func<Task> call, string field, string what)
    {
        var e = await Status(StatusCode.InvalidArgument, call, what);
        if (e.GetRpcStatus()?.GetDetail<BadRequest>() is { } badRequest)
        {
            Assert.True(badRequest.FieldViolations.Any(v => v.Field == field),
                $"{what}: BadRequest details name [{string.Join(", ", badRequest.FieldViolations.Select(v => v.Field))}], not \"{field}\".");
        }
    }
}
