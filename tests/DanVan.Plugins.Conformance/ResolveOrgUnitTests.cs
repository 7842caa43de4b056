using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance;

/// <summary>DirectoryService.ResolveOrgUnit: names as printed in documents, as of their date, with today's successors.</summary>
public sealed class ResolveOrgUnitTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task EmptyText_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "" }, deadline: HostTarget.Deadline).ResponseAsync,
            "text", "ResolveOrgUnit of empty text");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task UnknownContextUnit_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.Status(StatusCode.NotFound,
            () => host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "Sở Nội vụ", ContextOrgUnitId = "conformance-no-such-unit" }, deadline: HostTarget.Deadline).ResponseAsync,
            "ResolveOrgUnit with an unknown context_org_unit_id");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Nonsense_IsNoErrorAndNoConfidentCandidate(string target)
    {
        var host = await HostAsync(target);
        var response = await host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "Qwxz Zzyq 987654" }, deadline: HostTarget.Deadline);
        Assert.DoesNotContain(response.Candidates, c => c.Confidence >= 0.9);
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ExactName_IsTheBestCandidate_OrderedAndWithinLimits(string target)
    {
        var host = await HostAsync(target);
        var units = await Discovery.AllUnitsAsync(host, new ListOrgUnitsRequest());
        var unit = units.First(u => u.ParentId.Length > 0);
        var response = await host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = unit.FullName, MaxCandidates = 100 }, deadline: HostTarget.Deadline);
        Assert.NotEmpty(response.Candidates);
        Assert.True(response.Candidates.Count <= 20, $"max_candidates 100 must be clamped to 20, got {response.Candidates.Count}.");
        Assert.All(response.Candidates, c => Assert.InRange(c.Confidence, 0.0, 1.0));
        Assert.Equal(response.Candidates.Select(c => c.Confidence).OrderDescending(), response.Candidates.Select(c => c.Confidence));
        Assert.Contains(response.Candidates, c => c.OrgUnit.Id == unit.Id && c.Confidence == response.Candidates[0].Confidence);

        var ofType = await host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = unit.FullName, Types_ = { unit.Type } }, deadline: HostTarget.Deadline);
        Assert.Contains(ofType.Candidates, c => c.OrgUnit.Id == unit.Id);
        Assert.All(ofType.Candidates, c => Assert.Equal(unit.Type, c.OrgUnit.Type));
        Assert.True(ofType.Candidates.Count <= 5, $"max_candidates 0 means 5, got {ofType.Candidates.Count}.");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task DissolvedUnit_ResolvedAsOfItsLastDay_CarriesTodaysSuccessors(string target)
    {
        var host = await HostAsync(target);
        var dissolved = await Discovery.DissolvedUnitAsync(host);
        var response = await host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = dissolved.FullName, AsOf = dissolved.ValidTo, MaxCandidates = 20 }, deadline: HostTarget.Deadline);
        var candidate = response.Candidates.FirstOrDefault(c => c.OrgUnit.Id == dissolved.Id)
            ?? throw new Xunit.Sdk.XunitException($"ResolveOrgUnit(\"{dissolved.FullName}\", as_of its valid_to) did not return {dissolved.Id}.");
        Assert.NotEmpty(candidate.Successors);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.All(candidate.Successors, s => Assert.True(s.ValidTo is null || Discovery.ToDate(s.ValidTo) >= today,
            $"Successor {s.Id} of {dissolved.Id} is not valid today; successors must be followed transitively."));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task DissolvedUnit_IsNoCandidateToday(string target)
    {
        var host = await HostAsync(target);
        var dissolved = await Discovery.DissolvedUnitAsync(host);
        var response = await host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = dissolved.FullName, MaxCandidates = 20 }, deadline: HostTarget.Deadline);
        Assert.DoesNotContain(response.Candidates, c => c.OrgUnit.Id == dissolved.Id);
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task ImpossibleAsOf_IsInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(
            () => host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "Sở Nội vụ", AsOf = new Date { Year = 2023, Month = 2, Day = 30 } }, deadline: HostTarget.Deadline).ResponseAsync,
            "as_of", "ResolveOrgUnit as of 30/02/2023");
    }
}
