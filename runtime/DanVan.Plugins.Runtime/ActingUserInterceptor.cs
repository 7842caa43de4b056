using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Security;

namespace DanVan.Plugins.Runtime;

/// <summary>
/// Admits the officer a call names in <c>x-danvan-user-id</c> only from an authenticated host caller
/// (<see cref="PluginRuntimeOptions.HostCallers"/>) and records it for
/// <see cref="ActingUserCallContextExtensions.GetActingUserId"/>. Runs after the bearer-token check. Any other
/// caller naming an officer is refused (PERMISSION_DENIED, or UNAUTHENTICATED on a service open without a
/// token), so an integrator's own credential can never act as an officer; a call naming none passes
/// unchanged and plugin services that need an officer refuse it themselves.
/// </summary>
internal sealed class ActingUserInterceptor(ISet<string> hostCallers) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Admit(ServerCallContext context)
    {
        const string Header = ActingUserCallContextExtensions.HeaderName;
        var values = context.RequestHeaders.GetAll(Header).Take(2).ToList();
        if (values.Count == 0)
        {
            return;
        }

        var caller = BearerTokenAuthInterceptor.GetCaller(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, $"Only an authenticated e-office host may name an officer ({Header})."));
        if (!hostCallers.Contains(caller))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{caller}' is not an e-office host caller, so it may not act for an officer ({Header})."));
        }

        // HTTP may join repeated headers into one value with commas, so a comma means two officers were named.
        var userId = values[0].Value;
        if (values.Count > 1 || string.IsNullOrWhiteSpace(userId) || userId.Length > ActingUserCallContextExtensions.MaxUserIdLength
            || userId.Any(c => char.IsControl(c) || c == ','))
        {
            throw RichStatus.InvalidArgument(
                $"{Header} must name exactly one user id of 1..{ActingUserCallContextExtensions.MaxUserIdLength} characters, without commas.",
                (Header, "Mã người dùng không hợp lệ: cần đúng một mã, 1–128 ký tự, không có dấu phẩy."));
        }

        context.SetActingUserId(userId);
    }
}
