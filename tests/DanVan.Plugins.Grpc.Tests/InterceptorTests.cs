using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class InterceptorTests
{
    [Fact]
    public async Task UnaryServerHandler_TwoInterceptors_RunOutermostFirstAroundHandler()
    {
        var events = new List<string>();
        await using var host = await GrpcTestHost.StartAsync(o =>
        {
            o.Interceptors.Add(new RecordingInterceptor("A", events));
            o.Interceptors.Add(new RecordingInterceptor("B", events));
        });
        host.State.OnEcho = (_, _, _) =>
        {
            lock (events)
            {
                events.Add("handler");
            }

            return Task.CompletedTask;
        };
        var client = host.CreateClient();

        await client.EchoAsync(new EchoRequest());

        Assert.Equal(["A:before", "B:before", "handler", "B:after", "A:after"], events);
    }

    [Fact]
    public async Task UnaryServerHandler_InterceptorRejects_PermissionDeniedAndHandlerNotRun()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new RejectingInterceptor()));
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.PermissionDenied, "not for you"), ex.Status);
        Assert.Equal(0, host.State.EchoCalls);
    }

    [Fact]
    public async Task ServerStreamingServerHandler_InterceptorRejects_PermissionDenied()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new RejectingInterceptor()));
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 1 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(0, host.State.ServerStreamCalls);
    }

    [Fact]
    public async Task AsyncUnaryCall_ClientInterceptorAddsHeader_ServerSeesIt()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var invoker = host.CreateChannel().CreateCallInvoker().Intercept(new HeaderAddingInterceptor("x-added-by", "client-interceptor"));
        var client = new InteropService.InteropServiceClient(invoker);

        await client.EchoAsync(new EchoRequest(), new Metadata { { "x-original", "kept" } });

        var headers = Assert.Single(host.State.RequestHeaders);
        Assert.Equal("client-interceptor", headers.GetValue("x-added-by"));
        Assert.Equal("kept", headers.GetValue("x-original"));
    }

    [Fact]
    public async Task ChannelOptionsInterceptors_AppliedToEveryCallKind()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.Interceptors.Add(new HeaderAddingInterceptor("x-added-by", "channel")));

        await client.EchoAsync(new EchoRequest());
        using (var stream = client.ServerStream(new StreamRequest { Count = 1 }))
        {
            await stream.ResponseStream.ReadAllAsync().ToListAsync();
        }

        using (var clientStream = client.ClientStream())
        {
            await clientStream.RequestStream.CompleteAsync();
            await clientStream;
        }

        using (var duplex = client.Duplex())
        {
            await duplex.RequestStream.CompleteAsync();
            await duplex.ResponseStream.ReadAllAsync().ToListAsync();
        }

        Assert.Equal(4, host.State.RequestHeaders.Count);
        Assert.All(host.State.RequestHeaders, h => Assert.Equal("channel", h.GetValue("x-added-by")));
    }

    [Fact]
    public async Task Intercept_TwoClientInterceptors_FirstIsOutermost()
    {
        var events = new List<string>();
        await using var host = await GrpcTestHost.StartAsync();
        var invoker = host.CreateChannel().CreateCallInvoker().Intercept(new RecordingInterceptor("A", events), new RecordingInterceptor("B", events));
        var client = new InteropService.InteropServiceClient(invoker);

        await client.EchoAsync(new EchoRequest());

        Assert.Equal(["A:client", "B:client"], events);
    }

    [Fact]
    public async Task ServerStreamingServerHandler_WrappingInterceptor_TransformsEveryItem()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new UpperCasingInterceptor()));
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 3 });
        var items = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(["ITEM-0", "ITEM-1", "ITEM-2"], items.Select(i => i.Message));
    }

    [Fact]
    public async Task DuplexStreamingServerHandler_WrappingInterceptor_WrapsBothStreams()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new UpperCasingInterceptor()));
        var client = host.CreateClient();

        using var call = client.Duplex();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "abc" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("ABC!", call.ResponseStream.Current.Message);
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ClientStreamingServerHandler_WrappingInterceptor_SeesEveryRequest()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.Interceptors.Add(new UpperCasingInterceptor()));
        var client = host.CreateClient();

        using var call = client.ClientStream();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "x" });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "y" });
        await call.RequestStream.CompleteAsync();

        Assert.Equal("x!,y!", (await call).Message);
    }

    private sealed class RecordingInterceptor(string name, List<string> events) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Add(name + ":before");
            var response = await continuation(request, context);
            Add(name + ":after");
            return response;
        }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            Add(name + ":client");
            return continuation(request, context);
        }

        private void Add(string e)
        {
            lock (events)
            {
                events.Add(e);
            }
        }
    }

    private sealed class RejectingInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            throw new RpcException(new Status(StatusCode.PermissionDenied, "not for you"));

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
            throw new RpcException(new Status(StatusCode.PermissionDenied, "not for you"));
    }

    private sealed class HeaderAddingInterceptor(string key, string value) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithHeader(context));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, WithHeader(context));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(WithHeader(context));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(WithHeader(context));

        private ClientInterceptorContext<TRequest, TResponse> WithHeader<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
            where TRequest : class, IMessage<TRequest>
            where TResponse : class, IMessage<TResponse>
        {
            var headers = new Metadata();
            foreach (var entry in context.Options.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add(key, value);
            return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        }
    }

    /// <summary>Upper-cases every EchoResponse the handler writes and appends "!" to every EchoRequest it reads.</summary>
    private sealed class UpperCasingInterceptor : Interceptor
    {
        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
            continuation(request, new UpperWriter<TResponse>(responseStream), context);

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
            continuation(new BangReader<TRequest>(requestStream), new UpperWriter<TResponse>(responseStream), context);

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
            continuation(new BangReader<TRequest>(requestStream), context);

        private sealed class UpperWriter<T>(IServerStreamWriter<T> inner) : IServerStreamWriter<T>
        {
            public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

            public Task WriteAsync(T message, CancellationToken cancellationToken)
            {
                if (message is EchoResponse response)
                {
                    response.Message = response.Message.ToUpperInvariant();
                }

                return inner.WriteAsync(message, cancellationToken);
            }
        }

        private sealed class BangReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
        {
            public T Current
            {
                get
                {
                    var current = inner.Current;
                    if (current is EchoRequest request && !request.Message.EndsWith('!'))
                    {
                        request.Message += "!";
                    }

                    return current;
                }
            }

            public Task<bool> MoveNext(CancellationToken cancellationToken) => inner.MoveNext(cancellationToken);
        }
    }
}
