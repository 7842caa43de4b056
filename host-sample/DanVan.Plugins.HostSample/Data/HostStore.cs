using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Text;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>
/// The sample e-office's data, loaded from the seeds at start; officers may add documents
/// (issued or registered as received) while it runs, which are kept in memory only.
/// </summary>
internal sealed class HostStore
{
    private readonly Dictionary<string, OrgUnit> _units;
    private readonly Dictionary<string, User> _users;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SeedDocument> _documents;
    private readonly Lock _write = new();
    private IReadOnlyList<SeedDocument> _documentList;
    private readonly Dictionary<string, (Attachment Attachment, byte[] Content)> _attachments = new(StringComparer.Ordinal);
    private readonly ILookup<string, OrgUnit> _children;

    public HostStore(HostLinks links, DateTimeOffset seededAt)
    {
        Links = links;
        Units = SeedOrgUnits.Build();
        var stamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(seededAt);
        foreach (var unit in Units)
        {
            unit.DeepLink = links.OrgUnit(unit.Id, unit.ShortName.Length > 0 ? unit.ShortName : unit.FullName);
            unit.UpdateTime = stamp;
        }

        _units = Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _children = Units.Where(u => u.ParentId.Length > 0).ToLookup(u => u.ParentId, StringComparer.Ordinal);
        Users = SeedUsers.Build(seededAt);
        _users = Users.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _documentList = SeedDocuments.Build(links, SeedOrgUnits.Communes.Select(c => c.Id).ToList());
        _documents = new(_documentList.ToDictionary(d => d.Document.Id, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var seed in Documents)
        {
            foreach (var attachment in seed.Document.Attachments)
            {
                _attachments.Add(attachment.Id, (attachment, seed.Contents[attachment.Id]));
            }
        }
    }

    public HostLinks Links { get; }

    /// <summary>Every unit, dissolved ones included, in tree order.</summary>
    public IReadOnlyList<OrgUnit> Units { get; }

    public IReadOnlyList<User> Users { get; }

    /// <summary>Every document; a snapshot, so a listing in progress never sees a half-added one.</summary>
    public IReadOnlyList<SeedDocument> Documents => Volatile.Read(ref _documentList);

    /// <summary>Adds a document an officer issued or registered; its id must be new.</summary>
    public void Add(SeedDocument document)
    {
        lock (_write)
        {
            if (!_documents.TryAdd(document.Document.Id, document))
            {
                throw new InvalidOperationException($"Document {document.Document.Id} already exists.");
            }

            Volatile.Write(ref _documentList, [.. _documentList, document]);
        }
    }

    public OrgUnit? FindUnit(string id) => _units.GetValueOrDefault(id);

    public User? FindUser(string id) => _users.GetValueOrDefault(id);

    public SeedDocument? FindDocument(string id) => _documents.GetValueOrDefault(id);

    public (Attachment Attachment, byte[] Content)? FindAttachment(string id) =>
        _attachments.TryGetValue(id, out var found) ? found : null;

    /// <summary>The unit and every unit below it (dissolved ones included).</summary>
    public IEnumerable<OrgUnit> SelfAndDescendants(string id)
    {
        var stack = new Stack<OrgUnit>();
        stack.Push(_units[id]);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            foreach (var child in _children[unit.Id].Reverse())
            {
                stack.Push(child);
            }
        }
    }

    public static bool IsValidOn(OrgUnit unit, DateOnly date) =>
        (CivilDates.Of(unit.ValidFrom) is not { } from || from <= date) && (CivilDates.Of(unit.ValidTo) is not { } to || date <= to);
}
