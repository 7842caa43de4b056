using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// The e-office's own link to a unit's page (OrgUnit.deep_link, where the unit tab "Việc của đơn vị"
/// is shown), for a reminder to lead to. Best effort: the reminder matters more than its link, so a
/// host that does not answer within a few seconds, or has no link, gives none.
/// </summary>
internal sealed class UnitLinks(DirectoryService.DirectoryServiceClient? directory)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<DeepLink?> FindAsync(string unitId, CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            return null;
        }

        try
        {
            // Wall clock on purpose: it bounds a network call, not business time.
            using var timeout = new CancellationTokenSource(Timeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var response = await directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = unitId }, cancellationToken: linked.Token).ResponseAsync.ConfigureAwait(false);
            return response.OrgUnit?.DeepLink is { Url.Length: > 0 } link ? link : null;
        }
        catch (RpcException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
