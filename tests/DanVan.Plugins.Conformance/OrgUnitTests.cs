using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance;

/// <summary>DirectoryService: GetOrgUnit and ListOrgUnits (paging, filters, the tree, dissolved units).</summary>
public sealed class OrgUnitTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task GetOrgUnit_EmptyId_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Directory.GetOrgUnitAsync(new GetOrgUnitRequest(), deadline: HostTarget.Deadline).ResponseAsync, "org_unit_id", "GetOrgUnit without an id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task GetOrgUnit_UnknownId_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.Status(StatusCode.NotFound,
            () => host.Directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = "conformance-no-such-unit-" + Guid.NewGuid() }, deadline: HostTarget.Deadline).ResponseAsync,
            "GetOrgUnit of an unknown id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_SmallPages_AddUpToOneLargePage(string target)
    {
        var host = await HostAsync(target);
        var whole = await host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { IncludeDissolved = true, PageSize = 1000 }, deadline: HostTarget.Deadline);
        Assert.True(whole.OrgUnits.Count > 3, "The kit needs more than 3 units to check paging.");
        var paged = new List<string>();
        var request = new ListOrgUnitsRequest { IncludeDissolved = true, PageSize = 3 };
        while (true)
        {
            var page = await host.Directory.ListOrgUnitsAsync(request, deadline: HostTarget.Deadline);
            Assert.True(page.OrgUnits.Count <= 3, $"A page of size 3 returned {page.OrgUnits.Count} units.");
            paged.AddRange(page.OrgUnits.Select(u => u.Id));
            if (page.NextPageToken.Length == 0)
            {
                break;
            }

            Assert.True(page.OrgUnits.Count > 0, "A page with a next_page_token must not be empty.");
            request.PageToken = page.NextPageToken;
        }

        Assert.Equal(whole.OrgUnits.Select(u => u.Id), paged);
        Assert.Equal(paged.Count, paged.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(whole.NextPageToken);
        Assert.True(whole.TotalSize == 0 || whole.TotalSize == paged.Count, $"total_size {whole.TotalSize} but {paged.Count} units listed.");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_NegativePageSize_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { PageSize = -1 }, deadline: HostTarget.Deadline).ResponseAsync,
            "page_size", "ListOrgUnits with page_size -1");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_MalformedPageToken_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { PageToken = "not a token issued by this host!" }, deadline: HostTarget.Deadline).ResponseAsync,
            "page_token", "ListOrgUnits with a made-up page_token");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_PageTokenSentWithOtherFilters_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        var first = await host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { IncludeDissolved = true, PageSize = 1 }, deadline: HostTarget.Deadline);
        Assert.NotEmpty(first.NextPageToken);
        await Expect.InvalidArgument(
            () => host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { IncludeDissolved = true, PageSize = 1, NameQuery = "a", PageToken = first.NextPageToken }, deadline: HostTarget.Deadline).ResponseAsync,
            "page_token", "ListOrgUnits with a page_token issued for other filters");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_PageSizeAboveMaximum_IsClampedNotRefused(string target)
    {
        var host = await HostAsync(target);
        var all = await Discovery.AllUnitsAsync(host);
        var page = await host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { IncludeDissolved = true, PageSize = int.MaxValue }, deadline: HostTarget.Deadline);
        Assert.Equal(Math.Min(all.Count, 1000), Math.Min(page.OrgUnits.Count, 1000));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_UnknownParent_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.Status(StatusCode.NotFound,
            () => host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { ParentId = "conformance-no-such-unit" }, deadline: HostTarget.Deadline).ResponseAsync,
            "ListOrgUnits under an unknown parent");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_ImpossibleAsOfDate_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(
            () => host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { AsOf = new Date { Year = 2025, Month = 13, Day = 1 } }, deadline: HostTarget.Deadline).ResponseAsync,
            "as_of", "ListOrgUnits as of month 13");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Tree_EveryParentExists_AndAncestorsEndWithTheParent(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host);
        var byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Assert.Equal(units.Count, byId.Count);
        foreach (var unit in units)
        {
            Assert.True(unit.Id.Length is > 0 and <= 128, $"Unit id \"{unit.Id}\" must be 1..128 characters.");
            Assert.False(string.IsNullOrWhiteSpace(unit.FullName), $"Unit {unit.Id} has no full_name.");
            if (unit.ParentId.Length == 0)
            {
                Assert.Empty(unit.Ancestors);
                continue;
            }

            Assert.True(byId.ContainsKey(unit.ParentId), $"Unit {unit.Id} names parent {unit.ParentId}, which ListOrgUnits does not return.");
            Assert.NotEmpty(unit.Ancestors);
            Assert.Equal(unit.ParentId, unit.Ancestors[^1].OrgUnitId);
            Assert.All(unit.Ancestors, a => Assert.True(byId.ContainsKey(a.OrgUnitId), $"Ancestor {a.OrgUnitId} of {unit.Id} is unknown."));
            if (unit.Type == OrgUnitType.Other)
            {
                Assert.False(string.IsNullOrWhiteSpace(unit.TypeLabel), $"Unit {unit.Id} of type OTHER needs a type_label.");
            }
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task GetOrgUnit_ReturnsWhatTheListReturns(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host);
        foreach (var unit in units.Take(15).Concat(units.Where(u => u.ValidTo is not null).Take(5)))
        {
            var got = await host.Directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = unit.Id }, deadline: HostTarget.Deadline);
            Assert.Equal(unit.Id, got.OrgUnit.Id);
            Assert.Equal(unit.FullName, got.OrgUnit.FullName);
            Assert.Equal(unit.ParentId, got.OrgUnit.ParentId);
            Assert.Equal(unit.Ancestors.Select(a => a.OrgUnitId), got.OrgUnit.Ancestors.Select(a => a.OrgUnitId));
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_ParentFilter_ReturnsOnlyItsChildren_AndDescendantsBelowIt(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host);
        var parent = units.Where(u => u.ValidTo is null).GroupJoin(units, p => p.Id, c => c.ParentId, (p, c) => (p, Count: c.Count()))
            .OrderByDescending(x => x.Count).First().p;
        var children = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { ParentId = parent.Id, IncludeDissolved = true });
        Assert.NotEmpty(children);
        Assert.All(children, c => Assert.Equal(parent.Id, c.ParentId));
        var descendants = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { ParentId = parent.Id, IncludeDissolved = true, IncludeDescendants = true });
        Assert.Superset(children.Select(c => c.Id).ToHashSet(), descendants.Select(d => d.Id).ToHashSet());
        Assert.All(descendants, d => Assert.Contains(d.Ancestors, a => a.OrgUnitId == parent.Id));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ListOrgUnits_TypeFilter_ReturnsOnlyThatType(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host);
        var type = units.GroupBy(u => u.Type).OrderByDescending(g => g.Count()).First().Key;
        var filtered = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { IncludeDissolved = true, Types_ = { type } });
        Assert.Equal(units.Where(u => u.Type == type).Select(u => u.Id).Order(StringComparer.Ordinal), filtered.Select(u => u.Id).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task NameQuery_WithoutDiacriticsOrCase_FindsTheUnit(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host);
        var unit = units.FirstOrDefault(u => Discovery.HasDiacritics(u.FullName))
            ?? throw new Xunit.Sdk.XunitException("Fixture missing: no unit has a Vietnamese name with diacritics.");
        foreach (var query in new[] { Discovery.Fold(unit.FullName), Discovery.Fold(unit.FullName).ToUpperInvariant(), unit.FullName })
        {
            var found = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { IncludeDissolved = true, NameQuery = query });
            Assert.True(found.Any(u => u.Id == unit.Id), $"name_query \"{query}\" did not find \"{unit.FullName}\".");
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task DissolvedUnit_HasAPastValidTo_AndSuccessorsTheHostCanReturn(string target)
    {
        var host = await HostAsync(target);
        var dissolved = await Discovery.DissolvedUnitAsync(host);
        var validTo = Discovery.ToDate(dissolved.ValidTo)!.Value;
        Assert.True(validTo < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)), $"{dissolved.Id}: valid_to {validTo} is not in the past.");
        foreach (var successor in dissolved.Successors)
        {
            var got = await host.Directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = successor.OrgUnitId }, deadline: HostTarget.Deadline);
            Assert.Equal(successor.OrgUnitId, got.OrgUnit.Id);
            Assert.NotNull(successor.EffectiveDate);
            Assert.True(Discovery.ToDate(successor.EffectiveDate) > validTo, $"Successor {successor.OrgUnitId} takes over on or before the last day of {dissolved.Id}.");
        }
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task DissolvedUnit_IsHiddenToday_ShownOnItsLastDay_AndNotTheDayAfter(string target)
    {
        var host = await HostAsync(target);
        var dissolved = await Discovery.DissolvedUnitAsync(host);
        var lastDay = Discovery.ToDate(dissolved.ValidTo)!.Value;
        var today = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest());
        var onLastDay = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { AsOf = Discovery.ToProto(lastDay) });
        var dayAfter = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest { AsOf = Discovery.ToProto(lastDay.AddDays(1)) });
        Assert.DoesNotContain(today, u => u.Id == dissolved.Id);
        Assert.Contains(onLastDay, u => u.Id == dissolved.Id);
        Assert.DoesNotContain(dayAfter, u => u.Id == dissolved.Id);
        Assert.All(today, u => Assert.True(u.ValidTo is null || Discovery.ToDate(u.ValidTo) >= DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-1),
            $"{u.Id} is listed today although its valid_to has passed."));
    }
}
