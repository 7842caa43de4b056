using DanVan.Plugins.Grpc.Server;
using Google.Protobuf;
using Grpc.Reflection.V1;

namespace DanVan.Plugins.Grpc.Reflection;

/// <summary>
/// grpc.reflection.v1: lets stock tools list the services and fetch their proto files.
/// It reads the routes at each call, so plugin services mounted later are visible too.
/// </summary>
internal sealed class ReflectionServiceImpl(GrpcEndpointDataSource dataSource) : ServerReflection.ServerReflectionBase
{
    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var index = ReflectionIndex.Of(dataSource);
            await responseStream.WriteAsync(Answer(requestStream.Current, index));
        }
    }

    internal static ServerReflectionResponse Answer(ServerReflectionRequest request, ReflectionIndex index)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                response.ListServicesResponse = new ListServiceResponse();
                response.ListServicesResponse.Service.AddRange(index.ServiceNames.Select(n => new ServiceResponse { Name = n }));
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFile(response, index.FindFile(request.FileByFilename), $"File not found: {request.FileByFilename}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFile(response, index.FindSymbol(request.FileContainingSymbol), $"Symbol not found: {request.FileContainingSymbol}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                if (index.FindSymbol(request.AllExtensionNumbersOfType) is null)
                {
                    response.ErrorResponse = NotFound($"Type not found: {request.AllExtensionNumbersOfType}");
                }
                else
                {
                    // Our protos declare no extensions, so every known type has none.
                    response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                }

                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                response.ErrorResponse = NotFound($"Extension not found: {request.FileContainingExtension.ContainingType}({request.FileContainingExtension.ExtensionNumber})");
                break;
            default:
                response.ErrorResponse = new ErrorResponse { ErrorCode = (int)StatusCode.InvalidArgument, ErrorMessage = "The request names nothing to look up." };
                break;
        }

        return response;
    }

    private static void SetFile(ServerReflectionResponse response, Google.Protobuf.Reflection.FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            response.ErrorResponse = NotFound(notFound);
            return;
        }

        response.FileDescriptorResponse = new FileDescriptorResponse();
        foreach (var each in ReflectionIndex.WithDependencies(file))
        {
            response.FileDescriptorResponse.FileDescriptorProto.Add(each.SerializedData);
        }
    }

    private static ErrorResponse NotFound(string message) => new() { ErrorCode = (int)StatusCode.NotFound, ErrorMessage = message };
}
