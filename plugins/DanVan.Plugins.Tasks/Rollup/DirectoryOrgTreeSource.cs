using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// The org tree from DirectoryService.ListOrgUnits (every unit, dissolved ones included, all pages),
/// kept for a few minutes on the injected clock: a dashboard is opened often and the tree changes
/// rarely (a reorganisation is announced months ahead). Without a host the tree is empty and the
/// roll-up shows the units by the names stored on the assignments.
/// </summary>
internal sealed class DirectoryOrgTreeSource(DirectoryService.DirectoryServiceClient? directory, TimeProvider time) : IOrgTreeSource
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int PageSize = 500;
    private readonly SemaphoreSlim gate = new(1, 1);
    private (OrgTree Tree, DateTimeOffset Until)? cached;

    public async Task<OrgTree> GetAsync(CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            return OrgTree.Empty;
        }

        if (cached is { } hit && time.GetUtcNow() < hit.Until)
        {
            return hit.Tree;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (cached is { } again && time.GetUtcNow() < again.Until)
            {
                return again.Tree;
            }

            var request = new ListOrgUnitsRequest { PageSize = PageSize, IncludeDissolved = true };
            var units = new List<OrgUnit>();
            do
            {
                var page = await directory.ListOrgUnitsAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
                units.AddRange(page.OrgUnits);
                request.PageToken = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(request.PageToken));

            var tree = new OrgTree(units, AssignmentStatuses.Today(time));
            cached = (tree, time.GetUtcNow() + CacheFor);
            return tree;
        }
        finally
        {
            gate.Release();
        }
    }
}
