namespace DanVan.Plugins.Grpc;

/// <summary>Adds credentials to the headers of every call on a channel.</summary>
public abstract class CallCredentials
{
    /// <summary>Sends <c>authorization: Bearer {token}</c> with every call.</summary>
    public static CallCredentials FromBearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new DelegateCallCredentials((_, metadata) =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return Task.CompletedTask;
        });
    }

    /// <summary>Lets a delegate add the headers, e.g. a token that is refreshed.</summary>
    public static CallCredentials FromInterceptor(Func<IMethod, Metadata, Task> addHeaders)
    {
        ArgumentNullException.ThrowIfNull(addHeaders);
        return new DelegateCallCredentials(addHeaders);
    }

    /// <summary>Adds the credential headers for a call of <paramref name="method"/>.</summary>
    public abstract Task ApplyAsync(IMethod method, Metadata metadata);

    private sealed class DelegateCallCredentials(Func<IMethod, Metadata, Task> addHeaders) : CallCredentials
    {
        public override Task ApplyAsync(IMethod method, Metadata metadata) => addHeaders(method, metadata);
    }
}
