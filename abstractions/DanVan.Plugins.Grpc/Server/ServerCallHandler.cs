using DanVan.Plugins.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>Runs one kind of call for one rpc: protocol checks, the handler, the status. Subclasses read and write the messages.</summary>
internal abstract class ServerCallHandler<TService>(IMethod method, ServiceActivator<TService> activator, ServerCallSettings settings)
    where TService : class
{
    protected IMethod Method { get; } = method;

    protected ServerCallSettings Settings { get; } = settings;

    public async Task HandleCallAsync(HttpContext http)
    {
        if (!ProtocolValidation.Validate(http))
        {
            return;
        }

        LiftKestrelBodyLimits(http);
        var context = new HttpServerCallContext(http, Settings, Method.FullName);
        try
        {
            if (!context.Initialize())
            {
                return;
            }

            TService? service = null;
            try
            {
                service = activator.Create(http);
                context.Service = service;
                var work = RunAsync(context);
                if (context.HasDeadline && !work.IsCompleted)
                {
                    var first = await Task.WhenAny(work, context.DeadlineReached);
                    if (first != work)
                    {
                        await context.CompleteOnDeadlineAsync();
                        await ObserveAsync(work);
                        return;
                    }
                }

                await work;
                await context.CompleteAsync(context.Status);
            }
            catch (Exception ex)
            {
                await context.CompleteAsync(ToStatus(ex, context));
            }
            finally
            {
                if (service is not null)
                {
                    await activator.ReleaseAsync(http, service);
                }
            }
        }
        finally
        {
            context.Dispose();
        }
    }

    /// <summary>
    /// A gRPC request body is a stream of messages, each checked against MaxReceiveMessageSize, so
    /// Kestrel's whole-body limit (30 MB) must not end long client streams; and a request stream may
    /// rightly stay idle between messages, so Kestrel's minimum body data rate must not abort it.
    /// </summary>
    private void LiftKestrelBodyLimits(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBodySize)
        {
            maxBodySize.MaxRequestBodySize = null;
        }

        if (Method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming
            && http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minDataRate)
        {
            minDataRate.MinDataRate = null;
        }
    }

    /// <summary>Reads the request(s), runs the handler through the interceptors, writes the response(s).</summary>
    protected abstract Task RunAsync(HttpServerCallContext context);

    protected static TService ServiceOf(ServerCallContext context) => (TService)((HttpServerCallContext)context).Service!;

    private Status ToStatus(Exception ex, HttpServerCallContext context)
    {
        if (ex is RpcException rpc)
        {
            foreach (var entry in rpc.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }

            return rpc.Status;
        }

        if (context.DeadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        if (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return new Status(StatusCode.Cancelled, "Call canceled by the client.");
        }

        Settings.Logger.LogError(ex, "Error when executing service method '{Method}'.", Method.FullName);
        var detail = Settings.Options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
            : "Exception was thrown by handler.";
        return new Status(StatusCode.Internal, detail, ex);
    }

    private async Task ObserveAsync(Task work)
    {
        try
        {
            await work;
        }
        catch (Exception ex)
        {
            Settings.Logger.LogDebug(ex, "Handler of '{Method}' ended after its deadline.", Method.FullName);
        }
    }
}
