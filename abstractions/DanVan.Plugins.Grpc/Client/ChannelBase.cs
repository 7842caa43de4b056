namespace DanVan.Plugins.Grpc;

/// <summary>A connection to a server that generated clients can be created on.</summary>
public abstract class ChannelBase
{
    /// <summary>Creates a channel for the target.</summary>
    protected ChannelBase(string target) => Target = target;

    /// <summary>The server address.</summary>
    public string Target { get; }

    /// <summary>Creates the invoker that starts calls on this channel.</summary>
    public abstract CallInvoker CreateCallInvoker();
}
