using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Resolution;

public sealed class UnitResolverTests
{
    private static readonly DateOnly November2023 = new(2023, 11, 1);
    private readonly UnitResolver resolver = new(new InMemoryUnitDirectory(SampleDirectory.Units(), new FixedClock(SampleDirectory.Today)));

    private Task<UnitResolution> Resolve(string name, DateOnly? asOf = null, string? context = null) =>
        resolver.ResolveAsync(new UnitMention(name, UnitGroup.None), asOf, context, CancellationToken.None);

    [Fact]
    public async Task DissolvedDistrict_StaysTheNamedUnit_WithItsSuccessorsSuggested()
    {
        var r = await Resolve("Ủy ban nhân dân huyện", November2023, SampleDirectory.ThapMuoiDistrict);

        Assert.Equal(UnitResolutionStatus.Dissolved, r.Status);
        Assert.Equal(SampleDirectory.ThapMuoiDistrict, r.Unit!.Id);
        Assert.Equal([SampleDirectory.ThapMuoiCommune, SampleDirectory.MyQuiCommune], r.Successors.Select(s => s.Id));
        Assert.Null(r.SuggestedUnit); // two successors: the officer chooses
        Assert.True(r.Confidence >= 0.9);
    }

    [Fact]
    public async Task RelativeDivisionName_ResolvesInTheIssuersDistrict_AndSuggestsItsOnlySuccessor()
    {
        var r = await Resolve("Phòng Nội vụ huyện", November2023, SampleDirectory.ThapMuoiDistrict);

        Assert.Equal(UnitResolutionStatus.Dissolved, r.Status);
        Assert.Equal(SampleDirectory.ThapMuoiHomeAffairs, r.Unit!.Id);
        Assert.Equal(SampleDirectory.ThapMuoiCommune, r.SuggestedUnit!.Id);
    }

    [Fact]
    public async Task RelativeDivisionName_WithoutContext_IsAmbiguous()
    {
        var r = await Resolve("Phòng Nội vụ huyện", November2023);

        Assert.Equal(UnitResolutionStatus.Ambiguous, r.Status);
        Assert.Null(r.Unit);
        Assert.Equal([SampleDirectory.CaoLanhHomeAffairs, SampleDirectory.ThapMuoiHomeAffairs], r.Candidates.Select(c => c.OrgUnit.Id).Order());
        Assert.True(r.Confidence < 0.5);
    }

    [Theory]
    [InlineData("Uỷ ban nhân dân tỉnh Đồng Tháp")] // old-style tone placement
    [InlineData("UBND tinh Dong Thap")]             // unaccented, abbreviated
    [InlineData("ủy ban nhân dân TỈNH ĐỒNG THÁP")]
    public async Task Names_MatchWithoutCaseDiacriticsOrAbbreviations(string name)
    {
        var r = await Resolve(name);

        Assert.Equal(UnitResolutionStatus.Resolved, r.Status);
        Assert.Equal(SampleDirectory.Province, r.Unit!.Id);
        Assert.Equal(1.0, r.Confidence);
        Assert.Same(r.Unit, r.SuggestedUnit);
    }

    [Fact]
    public async Task DistrictNamedAfterItsEnd_IsNotFound()
    {
        // A document of 2026 cannot mean a unit that no longer existed then.
        var r = await Resolve("UBND huyện Tháp Mười", new DateOnly(2026, 1, 5));

        Assert.Equal(UnitResolutionStatus.Unresolved, r.Status);
    }

    [Fact]
    public async Task Successors_AreFollowedToTodaysUnits()
    {
        var r = await Resolve("UBND xã Trường Xuân", new DateOnly(2024, 6, 1));

        Assert.Equal(UnitResolutionStatus.Dissolved, r.Status);
        Assert.Equal(SampleDirectory.OldCommune, r.Unit!.Id);
        Assert.Equal(SampleDirectory.ThapMuoiCommune, Assert.Single(r.Successors).Id);
    }

    [Fact]
    public async Task UnknownName_StaysText_WithLowConfidence()
    {
        var r = await Resolve("LĐVP", November2023, SampleDirectory.ThapMuoiDistrict);

        Assert.Equal(UnitResolutionStatus.Unresolved, r.Status);
        Assert.Equal("LĐVP", r.Mention.Name);
        Assert.True(r.Confidence <= 0.3);
        Assert.Null(r.SuggestedUnit);
    }

    [Fact]
    public async Task Group_MapsToUnitTypes_WithoutALookup()
    {
        var failing = new UnitResolver(new ThrowingDirectory());
        var r = await failing.ResolveAsync(new UnitMention("Ủy ban nhân dân các xã, thị trấn", UnitGroup.CommunePeoplesCommittees), November2023, null, CancellationToken.None);

        Assert.Equal(UnitResolutionStatus.Group, r.Status);
        Assert.Equal([OrgUnitType.CommunePeoplesCommittee], r.GroupTypes);
    }

    [Fact]
    public async Task DirectoryFailure_LeavesTheNameAsText()
    {
        var failing = new UnitResolver(new ThrowingDirectory());
        var r = await failing.ResolveAsync(new UnitMention("Sở Nội vụ", UnitGroup.None), November2023, null, CancellationToken.None);

        Assert.Equal(UnitResolutionStatus.LookupFailed, r.Status);
        Assert.True(r.Confidence <= 0.3);
    }

    [Fact]
    public async Task Seed003_ReportToAndViaUnits_ResolveToTheFormerDistrictAndItsPhong()
    {
        var draft = Fixtures.Extract(Fixtures.Seed(Fixtures.Seed003));
        var resolved = await resolver.ResolveAsync(draft, SampleDirectory.ThapMuoiDistrict, CancellationToken.None);
        var report = draft.Items[3].Reports[0];

        var to = resolved.For(report.ReportTo!.Value);
        Assert.Equal(UnitResolutionStatus.Dissolved, to.Status);
        Assert.Equal(SampleDirectory.ThapMuoiDistrict, to.Unit!.Id);
        var via = resolved.For(report.Via!.Value);
        Assert.Equal(SampleDirectory.ThapMuoiHomeAffairs, via.Unit!.Id);
        Assert.Equal(SampleDirectory.ThapMuoiCommune, via.SuggestedUnit!.Id);

        var kinhGui = resolved.For(draft.Recipients[1].Unit.Value);
        Assert.Equal(UnitResolutionStatus.Group, kinhGui.Status);
        Assert.Equal(UnitResolutionStatus.Unresolved, resolved.For(draft.Recipients.Single(r => r.Unit.Value.Name == "LĐVP").Unit.Value).Status);
        Assert.DoesNotContain(resolved.ByName.Values, r => r.Mention.Name.StartsWith("Lưu", StringComparison.Ordinal));
    }

    private sealed class ThrowingDirectory : IUnitDirectory
    {
        public Task<ResolveOrgUnitResponse> ResolveAsync(ResolveOrgUnitRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("directory down");
    }
}
