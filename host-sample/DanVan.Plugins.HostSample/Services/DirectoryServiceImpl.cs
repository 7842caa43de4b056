using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;
using DanVan.Plugins.HostSample.Paging;
using DanVan.Plugins.HostSample.Text;

namespace DanVan.Plugins.HostSample.Services;

/// <summary>danvan.host.v1.DirectoryService over the seeded directory.</summary>
internal sealed class DirectoryServiceImpl(HostStore store, OrgUnitResolver resolver, TimeProvider time) : DirectoryService.DirectoryServiceBase
{
    private const int DefaultPageSize = 100;

    public override Task<GetOrgUnitResponse> GetOrgUnit(GetOrgUnitRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.OrgUnitId, "org_unit_id");
        return Task.FromResult(new GetOrgUnitResponse { OrgUnit = Require.Found(store.FindUnit(id), "đơn vị", id) });
    }

    public override Task<ListOrgUnitsResponse> ListOrgUnits(ListOrgUnitsRequest request, ServerCallContext context)
    {
        var asOf = CivilDates.Read(request.AsOf, "as_of");
        IEnumerable<OrgUnit> units = store.Units;
        if (request.ParentId.Length > 0)
        {
            Require.Found(store.FindUnit(request.ParentId), "đơn vị cha", request.ParentId);
            var scope = request.IncludeDescendants
                ? store.SelfAndDescendants(request.ParentId).Skip(1).Select(u => u.Id).ToHashSet(StringComparer.Ordinal)
                : null;
            units = units.Where(u => scope?.Contains(u.Id) ?? u.ParentId == request.ParentId);
        }

        if (asOf is { } date)
        {
            units = units.Where(u => HostStore.IsValidOn(u, date));
        }
        else if (!request.IncludeDissolved)
        {
            var today = CivilDates.Today(time);
            units = units.Where(u => HostStore.IsValidOn(u, today));
        }

        if (request.Types_.Count > 0)
        {
            units = units.Where(u => request.Types_.Contains(u.Type));
        }

        if (request.NameQuery.Length > 0)
        {
            var folded = VietnameseText.Fold(request.NameQuery);
            var key = VietnameseText.NameKey(request.NameQuery);
            units = units.Where(u => Names(u).Any(n => VietnameseText.Fold(n).Contains(folded, StringComparison.Ordinal)
                || (key.Length > 0 && VietnameseText.NameKey(n).Contains(key, StringComparison.Ordinal))));
        }

        var filters = request.Clone();
        filters.PageSize = 0;
        filters.PageToken = "";
        var page = Page<OrgUnit>.Of(units.ToList(), request.PageSize, request.PageToken, DefaultPageSize, filters);
        var response = new ListOrgUnitsResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.OrgUnits.AddRange(page.Items);
        return Task.FromResult(response);
    }

    public override Task<ResolveOrgUnitResponse> ResolveOrgUnit(ResolveOrgUnitRequest request, ServerCallContext context) =>
        Task.FromResult(resolver.Resolve(request));

    public override Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.UserId, "user_id");
        return Task.FromResult(new GetUserResponse { User = Require.Found(store.FindUser(id), "người dùng", id) });
    }

    public override Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        HashSet<string>? scope = null;
        if (request.OrgUnitId.Length > 0)
        {
            Require.Found(store.FindUnit(request.OrgUnitId), "đơn vị", request.OrgUnitId);
            scope = request.IncludeSubUnits
                ? store.SelfAndDescendants(request.OrgUnitId).Select(u => u.Id).ToHashSet(StringComparer.Ordinal)
                : [request.OrgUnitId];
        }

        var users = store.Users
            .Where(u => request.IncludeInactive || u.Active)
            .Where(u => scope is null || scope.Contains(u.PrimaryOrgUnitId) || u.RoleAssignments.Any(a => scope.Contains(a.OrgUnitId)))
            .Where(u => request.Roles.Count == 0
                || u.RoleAssignments.Any(a => request.Roles.Contains(a.Role) && (scope is null || scope.Contains(a.OrgUnitId))))
            .OrderBy(u => VietnameseText.Fold(u.FullName), StringComparer.Ordinal)
            .ThenBy(u => u.FullName, StringComparer.Ordinal)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();

        var filters = request.Clone();
        filters.PageSize = 0;
        filters.PageToken = "";
        var page = Page<User>.Of(users, request.PageSize, request.PageToken, DefaultPageSize, filters);
        var response = new ListUsersResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
        response.Users.AddRange(page.Items);
        return Task.FromResult(response);
    }

    internal static IEnumerable<string> Names(OrgUnit unit) => [unit.FullName, unit.ShortName, .. unit.OtherNames];
}
