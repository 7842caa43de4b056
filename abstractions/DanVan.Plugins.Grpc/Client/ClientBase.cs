namespace DanVan.Plugins.Grpc;

/// <summary>Base of generated typed clients.</summary>
public abstract class ClientBase
{
    /// <summary>Creates a client on a channel.</summary>
    protected ClientBase(ChannelBase channel)
        : this((channel ?? throw new ArgumentNullException(nameof(channel))).CreateCallInvoker())
    {
    }

    /// <summary>Creates a client on an invoker.</summary>
    protected ClientBase(CallInvoker callInvoker) => CallInvoker = callInvoker ?? throw new ArgumentNullException(nameof(callInvoker));

    /// <summary>The invoker calls go through.</summary>
    protected CallInvoker CallInvoker { get; }
}
