using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// Drafts already extracted, by document id, so that listing tabs (the badge) does not re-read and
/// re-extract a document on every screen. Bounded: the least recently used entry goes first. An
/// entry is only reused for the same text (a document updated since is extracted again).
/// </summary>
internal sealed class DraftCache(int capacity = DraftCache.DefaultCapacity)
{
    public const int DefaultCapacity = 512;

    private readonly Dictionary<string, LinkedListNode<Entry>> byId = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    /// <summary>The cached draft of the document, whatever text it came from; null when none.</summary>
    public DirectiveDraft? Find(string documentId)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(documentId, out var node))
            {
                return null;
            }

            Touch(node);
            return node.Value.Draft;
        }
    }

    /// <summary>The cached draft when it was extracted from exactly <paramref name="fullText"/>.</summary>
    public DirectiveDraft? Find(string documentId, string fullText)
    {
        lock (gate)
        {
            if (!byId.TryGetValue(documentId, out var node) || !string.Equals(node.Value.FullText, fullText, StringComparison.Ordinal))
            {
                return null;
            }

            Touch(node);
            return node.Value.Draft;
        }
    }

    public void Put(string documentId, string fullText, DirectiveDraft draft)
    {
        lock (gate)
        {
            if (byId.Remove(documentId, out var old))
            {
                recency.Remove(old);
            }

            byId[documentId] = recency.AddFirst(new Entry(documentId, fullText, draft));
            while (byId.Count > capacity && recency.Last is { } last)
            {
                byId.Remove(last.Value.DocumentId);
                recency.RemoveLast();
            }
        }
    }

    public void Remove(string documentId)
    {
        lock (gate)
        {
            if (byId.Remove(documentId, out var node))
            {
                recency.Remove(node);
            }
        }
    }

    private void Touch(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        recency.AddFirst(node);
    }

    private sealed record Entry(string DocumentId, string FullText, DirectiveDraft Draft);
}
