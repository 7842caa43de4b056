using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance;

/// <summary>DirectoryService: GetUser and ListUsers.</summary>
public sealed class UserTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task GetUser_EmptyId_IsInvalidArgument_UnknownId_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Directory.GetUserAsync(new GetUserRequest(), deadline: HostTarget.Deadline).ResponseAsync, "user_id", "GetUser without an id");
        await Expect.Status(StatusCode.NotFound,
            () => host.Directory.GetUserAsync(new GetUserRequest { UserId = "conformance-no-such-user" }, deadline: HostTarget.Deadline).ResponseAsync, "GetUser of an unknown id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListUsers_SmallPages_AddUpToOneLargePage(string target)
    {
        var host = await HostAsync(target);
        var whole = await host.Directory.ListUsersAsync(new ListUsersRequest { IncludeInactive = true, PageSize = 1000 }, deadline: HostTarget.Deadline);
        Assert.True(whole.Users.Count > 2, "The kit needs more than 2 users to check paging.");
        var paged = new List<string>();
        var request = new ListUsersRequest { IncludeInactive = true, PageSize = 2 };
        do
        {
            var page = await host.Directory.ListUsersAsync(request, deadline: HostTarget.Deadline);
            Assert.True(page.Users.Count <= 2);
            paged.AddRange(page.Users.Select(u => u.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(whole.Users.Select(u => u.Id), paged);
        Assert.True(whole.TotalSize == 0 || whole.TotalSize == paged.Count, $"total_size {whole.TotalSize} but {paged.Count} users listed.");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListUsers_BadPaging_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Directory.ListUsersAsync(new ListUsersRequest { PageSize = -5 }, deadline: HostTarget.Deadline).ResponseAsync, "page_size", "ListUsers with page_size -5");
        await Expect.InvalidArgument(() => host.Directory.ListUsersAsync(new ListUsersRequest { PageToken = "@@@" }, deadline: HostTarget.Deadline).ResponseAsync, "page_token", "ListUsers with a made-up page_token");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListUsers_UnknownUnit_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.Status(StatusCode.NotFound,
            () => host.Directory.ListUsersAsync(new ListUsersRequest { OrgUnitId = "conformance-no-such-unit" }, deadline: HostTarget.Deadline).ResponseAsync, "ListUsers of an unknown unit");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListUsers_UnitAndRoleFilters_ReturnOnlyMatchingUsers(string target)
    {
        var host = await HostAsync(target);
        var user = await Discovery.ActiveUserAsync(host);
        var assignment = user.RoleAssignments[0];
        var ofUnit = await Discovery.AllUsersAsync(host, new ListUsersRequest { OrgUnitId = assignment.OrgUnitId });
        Assert.Contains(ofUnit, u => u.Id == user.Id);
        Assert.All(ofUnit, u => Assert.True(u.PrimaryOrgUnitId == assignment.OrgUnitId || u.RoleAssignments.Any(a => a.OrgUnitId == assignment.OrgUnitId),
            $"{u.Id} is neither of unit {assignment.OrgUnitId} nor holds a role there."));
        var withRole = await Discovery.AllUsersAsync(host, new ListUsersRequest { Roles = { assignment.Role } });
        Assert.Contains(withRole, u => u.Id == user.Id);
        Assert.All(withRole, u => Assert.Contains(u.RoleAssignments, a => a.Role == assignment.Role));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListUsers_HidesInactiveUnlessAsked_AndRolesPointAtKnownUnits(string target)
    {
        var host = await HostAsync(target);
        var active = await Discovery.AllUsersAsync(host, new ListUsersRequest());
        var all = await Discovery.AllUsersAsync(host, new ListUsersRequest { IncludeInactive = true });
        Assert.All(active, u => Assert.True(u.Active, $"{u.Id} is inactive but listed without include_inactive."));
        Assert.Superset(active.Select(u => u.Id).ToHashSet(), all.Select(u => u.Id).ToHashSet());
        var units = (await Discovery.AllUnitsAsync(host)).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var user in all)
        {
            Assert.False(string.IsNullOrWhiteSpace(user.FullName), $"User {user.Id} has no full_name.");
            Assert.All(user.RoleAssignments, a => Assert.True(units.Contains(a.OrgUnitId), $"User {user.Id} holds a role in unknown unit {a.OrgUnitId}."));
            Assert.True(user.PrimaryOrgUnitId.Length == 0 || units.Contains(user.PrimaryOrgUnitId), $"User {user.Id} has unknown primary unit {user.PrimaryOrgUnitId}.");
            var got = await host.Directory.GetUserAsync(new GetUserRequest { UserId = user.Id }, deadline: HostTarget.Deadline);
            Assert.Equal(user.FullName, got.User.FullName);
        }
    }
}
