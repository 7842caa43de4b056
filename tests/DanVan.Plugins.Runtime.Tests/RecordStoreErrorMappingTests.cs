using DanVan.Plugins.Data;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Data;
using Google.Rpc;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class RecordStoreErrorMappingTests
{
    [Fact]
    public void Each_refusal_gets_its_status_and_Vietnamese_message()
    {
        var stale = RecordStoreErrorInterceptor.ToRpc(new ConcurrencyConflictException("assignments", "a1", 1, 2));
        var gone = RecordStoreErrorInterceptor.ToRpc(new RecordNotFoundException("assignments", "a1"));
        var reason = RecordStoreErrorInterceptor.ToRpc(new ReasonRequiredException("scores", "s1", "change_reason"));

        Assert.Equal((StatusCode.Aborted, "Bản ghi đã được người khác cập nhật; vui lòng tải lại và thử lại."), (stale.StatusCode, stale.Status.Detail));
        Assert.Equal((StatusCode.NotFound, "Không tìm thấy bản ghi; có thể nó đã bị xoá."), (gone.StatusCode, gone.Status.Detail));
        Assert.Equal(StatusCode.InvalidArgument, reason.StatusCode);
        var violation = Assert.Single(reason.GetRpcStatus()!.Details[0].Unpack<BadRequest>().FieldViolations);
        Assert.Equal(("change_reason", "Vui lòng nhập lý do thay đổi."), (violation.Field, violation.Description));
    }

    [Fact]
    public async Task A_refusal_thrown_after_an_await_is_mapped_too()
    {
        var interceptor = new RecordStoreErrorInterceptor();
        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<Google.Protobuf.WellKnownTypes.Empty, Google.Protobuf.WellKnownTypes.Empty>(new(), null!, async (_, _) =>
        {
            await Task.Yield();
            throw new RecordNotFoundException("assignments", "a1");
        }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
