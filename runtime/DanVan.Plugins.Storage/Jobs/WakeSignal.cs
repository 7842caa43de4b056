namespace DanVan.Plugins.Storage.Jobs;

/// <summary>Wakes a polling loop early when this process added work (other instances find it by polling).</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Set"/>; take it before looking for work so no wake-up is missed.</summary>
    public Task WaitAsync() => Volatile.Read(ref _next).Task;

    public void Set() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
