using DanVan.Plugins.Data;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.TestPlugins.Ledger.V1;

namespace DanVan.Plugins.TestPlugins.Ledger;

/// <summary>Uses the data API the way a real plugin does: specs with captured variables, writes with a change context.</summary>
internal sealed class LedgerServiceImpl(IPluginData data, ServedBy servedBy) : LedgerService.LedgerServiceBase
{
    private static readonly ChangeContext Officer = new("u-can-bo", "unit-xa");

    public override async Task<LedgerEntry> AddEntry(AddEntryRequest request, ServerCallContext context)
    {
        var entry = new Entry { Id = request.Id, Title = request.Title };
        await data.InsertAsync(entry, Officer, context.CancellationToken);
        return Reply(entry);
    }

    public override async Task<LedgerEntry> GetEntry(GetEntryRequest request, ServerCallContext context)
    {
        var id = request.Id;
        var entry = await data.FirstOrDefaultAsync(new Specification<Entry>().Where(e => e.Id == id), context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Không tìm thấy bản ghi."));
        return Reply(entry);
    }

    public override async Task<LedgerEntry> UpdateEntry(UpdateEntryRequest request, ServerCallContext context)
    {
        var entry = await data.FindAsync<Entry>(request.Id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Không tìm thấy bản ghi."));
        entry.Note = request.Note;
        entry.Version = request.Version;
        await data.UpdateAsync(entry, new ChangeContext("u-can-bo", "unit-xa", request.Reason), context.CancellationToken);
        return Reply(entry);
    }

    public override async Task<SearchEntriesResponse> SearchEntries(SearchEntriesRequest request, ServerCallContext context)
    {
        var query = request.Query;
        var found = await data.ListAsync(new Specification<Entry>().Where(e => Text.Matches(e.Title, query)).OrderBy(e => e.Id), context.CancellationToken);
        var reply = new SearchEntriesResponse();
        reply.Entries.AddRange(found.Select(Reply));
        return reply;
    }

    private LedgerEntry Reply(Entry entry) => new()
    {
        Id = entry.Id,
        Title = entry.Title,
        Note = entry.Note ?? "",
        Version = entry.Version,
        ServedBy = servedBy.Version,
    };
}
