using System.Collections.Concurrent;
using Google.Protobuf;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>
/// Makes SubmitReport and RequestExtension safe to retry: the first call with a client's request_id runs, and
/// a repeat by the same officer (also one racing the first) gets the first call's answer instead of a second
/// report. A failed call is forgotten, so its retry runs again. Answers are kept for a day, at most
/// <see cref="Capacity"/> of them, in this runtime instance's memory: a retry that reaches another instance
/// behind a load balancer, or comes after a restart, is not recognised.
/// </summary>
internal sealed class RequestIds(TimeProvider time)
{
    public const int MaxLength = 128;
    public const int Capacity = 10_000;
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="operation"/> once per officer, rpc and request id; an empty id runs it every time.</summary>
    public async Task<T> RunAsync<T>(string userId, string rpc, string requestId, Func<Task<T>> operation)
        where T : class, IMessage
    {
        if (requestId.Length == 0)
        {
            return await operation().ConfigureAwait(false);
        }

        if (requestId.Length > MaxLength)
        {
            throw ApiErrors.Invalid("request_id", $"Mã yêu cầu dài quá {MaxLength} ký tự.");
        }

        var now = time.GetUtcNow();
        var key = string.Join('\n', userId, rpc, requestId);
        var mine = new Entry(new Lazy<Task<IMessage>>(async () => await operation().ConfigureAwait(false)), now + KeepFor);
        var entry = entries.AddOrUpdate(key, mine, (_, old) => old.Until <= now ? mine : old);
        if (ReferenceEquals(entry, mine))
        {
            Trim(now);
        }

        try
        {
            return (T)await entry.Answer.Value.ConfigureAwait(false);
        }
        catch
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            throw;
        }
    }

    private void Trim(DateTimeOffset now)
    {
        if (entries.Count <= Capacity)
        {
            return;
        }

        foreach (var (key, entry) in entries)
        {
            if (entry.Until <= now || entries.Count > Capacity)
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(Lazy<Task<IMessage>> Answer, DateTimeOffset Until);
}
