using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Assignments;

/// <summary>
/// A task's followers: the units seed 001 is sent to for information or oversight (its "Nơi nhận": Bộ Nội
/// vụ, the Party's dân vận board, …), resolved in the directory, never the units that owe the work, never
/// the issuer's own files ("Lưu: VT").
/// </summary>
public sealed class TaskPlannerFollowersTests
{
    private static readonly OrgUnit[] Directory =
    [
        new() { Id = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialPeoplesCommittee, FullName = "Ủy ban nhân dân tỉnh Hưng Yên", ShortName = "UBND tỉnh" },
        new() { Id = "so-noi-vu-hung-yen", ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.ProvincialDepartment, FullName = "Sở Nội vụ tỉnh Hưng Yên", ShortName = "Sở Nội vụ" },
        new() { Id = "bo-noi-vu", Type = OrgUnitType.Ministry, FullName = "Bộ Nội vụ", ShortName = "Bộ Nội vụ" },
        new() { Id = "ban-tgdv-tinh-uy", Type = OrgUnitType.PartyBoard, FullName = "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên", ShortName = "Ban Tuyên giáo và Dân vận Tỉnh ủy", OtherNames = { "Ban Dân vận Tỉnh ủy" } },
        new() { Id = "xa-tan-hung", ParentId = "ubnd-tinh-hung-yen", Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân xã Tân Hưng", ShortName = "UBND xã Tân Hưng" },
    ];

    [Fact]
    public async Task Seed001_TheMinistryAndThePartysBoardFollow_TheUnitsThatOweTheWorkDoNot()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
        var draft = new DirectiveExtractor().Extract(Fixtures.Seed(Fixtures.Seed001));
        var resolved = await new UnitResolver(new InMemoryUnitDirectory(Directory, clock)).ResolveAsync(draft, "ubnd-tinh-hung-yen", CancellationToken.None);

        var plan = await new TaskPlanner(new CommunesOnly(), clock).PlanAsync(resolved, "ubnd-tinh-hung-yen", ["1", "8"], CancellationToken.None);

        Assert.All(plan, task =>
        {
            var followers = task.Followers.Select(f => f.Id).ToList();
            Assert.Contains("bo-noi-vu", followers);
            Assert.Contains("ban-tgdv-tinh-uy", followers);
            Assert.DoesNotContain("xa-tan-hung", followers);
            Assert.Empty(followers.Intersect(task.Units.Select(u => u.Id)));
        });
    }

    /// <summary>The edge of this unit test: every mention expands to xã Tân Hưng (the owing unit here).</summary>
    private sealed class CommunesOnly : IUnitExpander
    {
        public Task<IReadOnlyList<OrgUnit>> ExpandAsync(UnitResolution resolution, string? provinceRootId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<OrgUnit>>([Directory[4]]);

        public Task<string?> ProvinceRootAsync(string? orgUnitId, CancellationToken cancellationToken) => Task.FromResult<string?>("ubnd-tinh-hung-yen");
    }
}
