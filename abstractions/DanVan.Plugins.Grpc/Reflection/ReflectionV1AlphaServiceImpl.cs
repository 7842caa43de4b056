using DanVan.Plugins.Grpc.Server;
using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace DanVan.Plugins.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1alpha, still asked for by older tools. Its messages are byte-for-byte the
/// v1 messages, so each request is re-read as v1, answered, and the answer re-read as v1alpha.
/// </summary>
internal sealed class ReflectionV1AlphaServiceImpl(GrpcEndpointDataSource dataSource) : V1Alpha.ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream, IServerStreamWriter<V1Alpha.ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var index = ReflectionIndex.Of(dataSource);
            var request = V1.ServerReflectionRequest.Parser.ParseFrom(requestStream.Current.ToByteString());
            var answer = ReflectionServiceImpl.Answer(request, index);
            await responseStream.WriteAsync(V1Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()));
        }
    }
}
