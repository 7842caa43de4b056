using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Tests.Access;

/// <summary>The access rules of issue 6, point 6, role by role.</summary>
public sealed class OfficerTests
{
    private const string Commune = "xa-tan-hung";
    private const string OtherCommune = "phuong-pho-hien";
    private const string Province = "ubnd-tinh-hung-yen";
    private const string HomeAffairs = "so-noi-vu-hung-yen";

    private static readonly TaskRecord Seed001Task = new() { IssuerUnitId = Province, ReportToUnitId = Province, ReportViaUnitId = HomeAffairs };

    private static Officer As(Role role, string unit) => new("u", "Cán bộ", [new RoleGrant(role, unit)]);

    [Theory]
    [InlineData(Role.CommuneOfficer)]
    [InlineData(Role.UnitLeader)]
    [InlineData(Role.VillageLeader)]
    [InlineData(Role.AgencyOfficer)]
    public void AUnitsWorkingOfficer_ReadsAndReportsOnlyTheirUnit(Role role)
    {
        var officer = As(role, Commune);

        Assert.True(officer.CanRead(Commune));
        Assert.True(officer.CanReport(Commune));
        Assert.False(officer.CanRead(OtherCommune));
        Assert.False(officer.CanReport(OtherCommune));
        Assert.False(officer.ReadsProvince);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Clerk)]
    public void ViewersAndClerks_ReadTheirUnit_ButDoNotReport(Role role)
    {
        var officer = As(role, Commune);

        Assert.True(officer.CanRead(Commune));
        Assert.False(officer.CanReport(Commune));
        Assert.False(officer.CanRead(OtherCommune));
    }

    [Theory]
    [InlineData(Role.HomeAffairsAppraiser, HomeAffairs)]
    [InlineData(Role.PartyMobilizationOfficer, "ban-tuyen-giao-dan-van")]
    [InlineData(Role.ProvincialAdmin, Province)]
    public void ProvinceReaders_ReadEveryUnit_ButReportForNone(Role role, string unit)
    {
        var officer = As(role, unit);

        Assert.True(officer.ReadsProvince);
        Assert.True(officer.CanRead(Commune));
        Assert.True(officer.CanRead(OtherCommune));
        Assert.False(officer.CanReport(Commune));
    }

    [Fact]
    public void NoRoles_ReadsNothing_ManagesNothing()
    {
        var nobody = Officer.Nobody("u-x");

        Assert.False(nobody.CanRead(Commune));
        Assert.False(nobody.CanReport(Commune));
        Assert.False(nobody.CanManage(Seed001Task));
        Assert.False(nobody.CanConfirm(Province, Province, HomeAffairs));
    }

    [Fact]
    public void TheIssuingReportToAndViaUnits_Manage_ButTheAssignedCommuneDoesNot()
    {
        Assert.True(As(Role.AgencyOfficer, Province).CanManage(Seed001Task));
        Assert.True(As(Role.UnitLeader, HomeAffairs).CanManage(Seed001Task));
        Assert.True(As(Role.Clerk, HomeAffairs).CanManage(Seed001Task));
        Assert.False(As(Role.Viewer, Province).CanManage(Seed001Task));
        Assert.False(As(Role.CommuneOfficer, Commune).CanManage(Seed001Task));
        Assert.False(As(Role.UnitLeader, Commune).CanManage(Seed001Task));
        Assert.False(As(Role.PartyMobilizationOfficer, "ban-tuyen-giao-dan-van").CanManage(Seed001Task));
    }

    [Fact]
    public void TheHomeAffairsAppraiser_ManagesAnyTask_EvenOneIssuedElsewhere()
    {
        var communeTask = new TaskRecord { IssuerUnitId = Commune };

        Assert.True(As(Role.HomeAffairsAppraiser, HomeAffairs).CanManage(communeTask));
        Assert.True(As(Role.HomeAffairsAppraiser, HomeAffairs).CanConfirm(Commune, null, null));
        Assert.True(As(Role.UnitLeader, Commune).CanManage(communeTask));
    }

    [Fact]
    public void ConfirmWithNoUnitsKnown_OnlyTheAppraiser()
    {
        Assert.False(As(Role.CommuneOfficer, Commune).CanConfirm(null, null, null));
        Assert.False(As(Role.CommuneOfficer, "").CanConfirm("", "", ""));
        Assert.True(As(Role.HomeAffairsAppraiser, HomeAffairs).CanConfirm(null, null, null));
    }

    [Fact]
    public void SeveralRoles_CountTogether()
    {
        var officer = new Officer("u", "Cán bộ", [new RoleGrant(Role.Viewer, Province), new RoleGrant(Role.CommuneOfficer, Commune)]);

        Assert.True(officer.CanRead(Province));
        Assert.True(officer.CanReport(Commune));
        Assert.False(officer.CanReport(Province));
        Assert.False(officer.CanManage(Seed001Task));
        Assert.Equal(Commune, officer.UnitFor(Commune));
        Assert.Equal(Province, officer.UnitFor(OtherCommune));
    }
}
